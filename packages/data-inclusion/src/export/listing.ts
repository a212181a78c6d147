import { communeByInsee, SERVICE_TYPES, type Axis, type PartnerKind, type ServiceType } from "@ctg/territory-data";
import type { Frais, Public } from "../vocabulary.ts";

/**
 * What the hub knows of a type in general and says when it publishes a service of that type: fees
 * only where the type itself settles them (a LAEP or a PMI consultation is free; a crèche is paid
 * according to income), publics from the axis.
 */
export const FRAIS_OF_TYPE: Partial<Record<ServiceType, Frais>> = {
  EAJE: "payant",
  MICRO_CRECHE: "payant",
  MAM: "payant",
  ALSH: "payant",
  PERISCOLAIRE: "payant",
  RPE: "gratuit",
  LAEP: "gratuit",
  PIJ: "gratuit",
  FRANCE_SERVICES: "gratuit",
  PMI: "gratuit",
  MDS: "gratuit",
  ECOUTE_VIOLENCES_INTRAFAMILIALES: "gratuit",
};

const PUBLICS_OF_AXIS: Record<Axis, Public[]> = {
  PETITE_ENFANCE: ["familles"],
  ENFANCE: ["familles"],
  JEUNESSE: ["jeunes"],
  PARENTALITE: ["familles"],
  ANIMATION_VIE_SOCIALE: ["familles"],
  ACCES_AUX_DROITS: [],
  HANDICAP: ["familles", "personnes-en-situation-de-handicap"],
  INCLUSION_NUMERIQUE: [],
  LOGEMENT: [],
  VIOLENCES_INTRAFAMILIALES: ["femmes", "familles", "personnes-en-situation-durgence"],
};

export const publicsOf = (type: ServiceType): Public[] => PUBLICS_OF_AXIS[SERVICE_TYPES[type].axis];

const KIND_WORDS: Record<PartnerKind, string> = {
  EPCI: "intercommunalité",
  CAF: "caisse d'allocations familiales",
  DEPARTEMENT: "conseil départemental",
  MSA: "mutualité sociale agricole",
  SIVOM: "syndicat intercommunal à vocation multiple",
  COMMUNE: "commune",
  CCAS: "centre communal d'action sociale",
  ASSOCIATION: "association",
  ETAT: "service de l'État",
  AUTRE: "organisme",
};

const TERRITORY = "l'Agglomération de Béthune-Bruay, Artois-Lys Romane";
const MIN_DESCRIPTION = 50;
const MAX_DESCRIPTION = 2000;

function fit(text: string, filler: string): string {
  let out = text.trim();
  if (out.length < MIN_DESCRIPTION) out = `${out}${out ? " " : ""}${filler}`;
  if (out.length < MIN_DESCRIPTION) out = `${out} Service aux familles de ${TERRITORY}.`;
  return out.length > MAX_DESCRIPTION ? `${out.slice(0, MAX_DESCRIPTION - 1)}…` : out;
}

/** A structure's description (the hub keeps none for partners): what it is, and where it acts. */
export function partnerDescription(name: string, kind: PartnerKind): string {
  return fit(`${name} : ${KIND_WORDS[kind]} qui gère des services aux familles sur le territoire de ${TERRITORY}.`, "");
}

/** data·inclusion wants 50 to 2000 characters: a shorter description is completed with the type and the commune. */
export function serviceDescription(description: string | null, type: ServiceType, communeCode: string): string {
  const label = SERVICE_TYPES[type].label;
  const commune = communeByInsee(communeCode)?.name ?? communeCode;
  return fit(description ?? "", `${label[0].toUpperCase()}${label.slice(1)} à ${commune}.`);
}

/** 3 to 150 characters, no final full stop. */
export function listingName(name: string): string {
  const trimmed = name.trim().replace(/\.+$/, "");
  return trimmed.length > 150 ? `${trimmed.slice(0, 149)}…` : trimmed;
}
