import type { Frais, ModeAccueil, Public, ReseauPorteur, Thematique, TypeDeService } from "./vocabulary.ts";

/**
 * The fields a data·inclusion v1 structure and service share (validate.ts checks them in
 * `commonFields`), as the hub reads and writes them. Optional fields are absent or null in files;
 * the hub writes them absent.
 */
export interface CommonFields {
  source: string;
  /** Unique within its source; by convention `<source>--<producer's id>`. */
  id: string;
  nom: string;
  description: string;
  /** YYYY-MM-DD: the producer's last change. */
  date_maj: string;
  commune?: string | null;
  code_postal?: string | null;
  code_insee?: string | null;
  adresse?: string | null;
  complement_adresse?: string | null;
  longitude?: number | null;
  latitude?: number | null;
  telephone?: string | null;
  courriel?: string | null;
  /** OpenStreetMap opening_hours syntax. */
  horaires_accueil?: string | null;
}

/** A data·inclusion v1 structure (an organisation at a place). */
export interface Structure extends CommonFields {
  siret?: string | null;
  site_web?: string | null;
  accessibilite_lieu?: string | null;
  reseaux_porteurs?: ReseauPorteur[] | null;
}

/** A data·inclusion v1 service, offered by the structure `structure_id` of the same source. */
export interface Service extends CommonFields {
  structure_id: string;
  type?: TypeDeService | null;
  thematiques?: Thematique[] | null;
  frais?: Frais | null;
  frais_precisions?: string | null;
  publics?: Public[] | null;
  publics_precisions?: string | null;
  conditions_acces?: string | null;
  modes_accueil?: ModeAccueil[] | null;
  /** INSEE codes: communes, départements, EPCI (SIREN), regions; `france` or `99100` for the whole country. */
  zone_eligibilite?: string[] | null;
  contact_nom_prenom?: string | null;
  lien_mobilisation?: string | null;
}
