import { communes, CABBALR_SIREN } from "./communes.ts";
import { stableHash } from "./random.ts";
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

export const ETAT_ID = "etat-prefecture-pas-de-calais";

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
    id: ETAT_ID,
    name: "État — Préfecture du Pas-de-Calais",
    kind: "ETAT",
    aliases: ["État", "Préfecture", "préfecture du Pas-de-Calais"],
    website: "https://www.pas-de-calais.gouv.fr",
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


/** Gosnay's mayor is the agglomeration's vice-president who carried the CTG: it is engaged. */
const CERTAINLY_ENGAGED = new Set(["62377"]);
export const ENGAGED_COMMUNE_COUNT = 82;

/**
 * Which 82 communes joined the CTG by deliberation is not public in our sources: this is an
 * illustrative, deterministic choice (the 18 left out are small communes, ranked by a hash).
 */
export function engagedCommuneCodes(): string[] {
  const candidates = communes
    .filter((c) => c.population < 2000 && !CERTAINLY_ENGAGED.has(c.code))
    .map((c) => ({ code: c.code, rank: stableHash(`ctg-2026:${c.code}`) }))
    .sort((a, b) => a.rank - b.rank);
  const out = new Set(candidates.slice(0, communes.length - ENGAGED_COMMUNE_COUNT).map((c) => c.code));
  return communes.filter((c) => !out.has(c.code)).map((c) => c.code);
}


export const conventions: readonly ConventionRecord[] = [
  {
    id: CURRENT_CTG_ID,
    name: "Convention territoriale globale 2026-2030 de l'Agglomération de Béthune-Bruay",
    periodStart: "2026-01-01",
    periodEnd: "2030-12-31",
    signedOn: "2026-02-03",
    axes: ["PETITE_ENFANCE", "ENFANCE", "JEUNESSE", "PARENTALITE", "ANIMATION_VIE_SOCIALE", "ACCES_AUX_DROITS", "HANDICAP", "VIOLENCES_INTRAFAMILIALES"],
    signatoryIds: [INSTITUTION_IDS.cabbalr, INSTITUTION_IDS.caf, INSTITUTION_IDS.departement, INSTITUTION_IDS.msa],
    engagedIds: [...engagedCommuneCodes().map(communePartnerId), SIVOM_IDS.bruaysis, SIVOM_IDS.bethunois, SIVOM_IDS.artois],
    source: `${REFERENCE_SOURCE}; liste des 82 communes engagées : ${SAMPLE_SOURCE}`,
  },
  {
    id: PREVIOUS_CTG_ID,
    name: "Première convention territoriale globale de l'Agglomération de Béthune-Bruay",
    // The first CTG's exact dates are not in our sources: 2021-2025 is assumed (it ended as the second began).
    periodStart: "2021-01-01",
    periodEnd: "2025-12-31",
    signedOn: null,
    axes: ["PETITE_ENFANCE", "ENFANCE", "JEUNESSE", "PARENTALITE"],
    signatoryIds: [INSTITUTION_IDS.cabbalr, INSTITUTION_IDS.caf],
    engagedIds: [],
    source: `${REFERENCE_SOURCE}; période supposée : ${SAMPLE_SOURCE}`,
  },
];
