import { communes, CABBALR_SIREN } from "./communes.ts";
import type { Axis, PartnerKind } from "./vocabulary.ts";

/** Marks records that are illustrative, not facts: the bot says so to residents. */
export const SAMPLE_SOURCE = "sample:ctg-hub-generator/v1 (donnée d'exemple, non officielle)";
export const REFERENCE_SOURCE = "reference:presse CABBALR 2026 + @etalab/decoupage-administratif 6.0.0";

export interface PartnerRecord {
  id: string;
  name: string;
  kind: PartnerKind;
  /** Other names residents and staff use (« la CAF », « l'agglo »): searched like the name. */
  aliases: string[];
  siren: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  communeCode: string | null;
  source: string;
}

export const CURRENT_CTG_ID = "ctg-cabbalr-2026-2030";
export const PREVIOUS_CTG_ID = "ctg-cabbalr-2021-2025";

export const SIVOM_IDS = {
  bruaysis: "sivom-bruaysis",
  bethunois: "sivom-bethunois",
  artois: "sivom-artois",
} as const;

export const INSTITUTION_IDS = {
  cabbalr: "cabbalr",
  caf: "caf-pas-de-calais",
  departement: "departement-pas-de-calais",
  msa: "msa-nord-pas-de-calais",
} as const;

export function communePartnerId(inseeCode: string): string {
  return `commune-${inseeCode}`;
}

const institution = (p: Partial<PartnerRecord> & Pick<PartnerRecord, "id" | "name" | "kind">): PartnerRecord => ({
  aliases: [],
  siren: null,
  website: null,
  phone: null,
  email: null,
  address: null,
  communeCode: null,
  source: REFERENCE_SOURCE,
  ...p,
});

/** The real institutions of the CTG (signatories and SIVOMs). */
export const institutions: readonly PartnerRecord[] = [
  institution({
    id: INSTITUTION_IDS.cabbalr,
    name: "Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane",
    kind: "EPCI",
    aliases: ["CABBALR", "agglo", "agglomération", "agglomération de Béthune-Bruay", "communauté d'agglomération"],
    siren: CABBALR_SIREN,
    website: "https://www.bethunebruay.fr",
    communeCode: "62119",
  }),
  institution({
    id: INSTITUTION_IDS.caf,
    name: "CAF du Pas-de-Calais",
    kind: "CAF",
    aliases: ["CAF", "Caisse d'allocations familiales du Pas-de-Calais", "caisse d'allocations familiales"],
    website: "https://www.caf.fr/allocataires/caf-du-pas-de-calais",
    phone: "3230",
  }),
  institution({
    id: INSTITUTION_IDS.departement,
    name: "Département du Pas-de-Calais",
    kind: "DEPARTEMENT",
    aliases: ["Département", "Conseil départemental du Pas-de-Calais", "conseil départemental", "CD62"],
    website: "https://www.pasdecalais.fr",
  }),
  institution({
    id: INSTITUTION_IDS.msa,
    name: "MSA Nord-Pas de Calais",
    kind: "MSA",
    aliases: ["MSA", "Mutualité sociale agricole"],
    website: "https://nord-pasdecalais.msa.fr",
  }),
  institution({
    id: SIVOM_IDS.bruaysis,
    name: "SIVOM du Bruaysis",
    kind: "SIVOM",
    aliases: ["SIVOM de Bruay"],
    communeCode: "62178",
  }),
  institution({
    id: SIVOM_IDS.bethunois,
    name: "SIVOM de la Communauté du Béthunois",
    kind: "SIVOM",
    aliases: ["SIVOM du Béthunois", "SIVOM de Béthune"],
    website: "https://sivom-bethunois.fr",
    communeCode: "62119",
  }),
  institution({
    id: SIVOM_IDS.artois,
    name: "SIVOM de l'Artois",
    kind: "SIVOM",
    aliases: [],
    website: "https://www.sivomdelartois.fr",
  }),
];

/** Each of the 100 communes is a partner too (it runs services, it joins the CTG). */
export const communePartners: readonly PartnerRecord[] = communes.map((c) =>
  institution({
    id: communePartnerId(c.code),
    name: `Commune de ${c.name}`,
    kind: "COMMUNE",
    aliases: [`Ville de ${c.name}`, `Mairie de ${c.name}`],
    siren: c.siren,
    communeCode: c.code,
  }),
);

export interface ConventionRecord {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  signedOn: string | null;
  axes: Axis[];
  signatoryIds: string[];
  engagedIds: string[];
  source: string;
}
