/**
 * The one table of service types and of the French words that name them (CONTRACT.md §5).
 * The `ServiceType` and `Axis` enums of the services subgraph's SDL are checked against it by a
 * test, and the bot reads its words from here: a type or a word is added in this file only.
 */

export const AXES = [
  "PETITE_ENFANCE",
  "ENFANCE",
  "JEUNESSE",
  "PARENTALITE",
  "ANIMATION_VIE_SOCIALE",
  "ACCES_AUX_DROITS",
  "HANDICAP",
  "INCLUSION_NUMERIQUE",
  "LOGEMENT",
  "VIOLENCES_INTRAFAMILIALES",
] as const;
export type Axis = (typeof AXES)[number];

export const AXIS_LABELS: Record<Axis, string> = {
  PETITE_ENFANCE: "petite enfance",
  ENFANCE: "enfance",
  JEUNESSE: "jeunesse",
  PARENTALITE: "parentalité",
  ANIMATION_VIE_SOCIALE: "animation de la vie sociale",
  ACCES_AUX_DROITS: "accès aux droits",
  HANDICAP: "handicap",
  INCLUSION_NUMERIQUE: "inclusion numérique",
  LOGEMENT: "logement",
  VIOLENCES_INTRAFAMILIALES: "violences intrafamiliales",
};

export interface ServiceTypeInfo {
  axis: Axis;
  /** French, singular, as residents read it. */
  label: string;
  /** French, plural. */
  plural: string;
  /** Typical public, in months; null = no bound. Used by the sample generator and as defaults. */
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
}

export const SERVICE_TYPES = {
  EAJE: { axis: "PETITE_ENFANCE", label: "crèche (multi-accueil)", plural: "crèches (multi-accueils)", ageMinMonths: 2, ageMaxMonths: 71 },
  MICRO_CRECHE: { axis: "PETITE_ENFANCE", label: "micro-crèche", plural: "micro-crèches", ageMinMonths: 2, ageMaxMonths: 71 },
  MAM: { axis: "PETITE_ENFANCE", label: "maison d'assistants maternels (MAM)", plural: "maisons d'assistants maternels (MAM)", ageMinMonths: 0, ageMaxMonths: 71 },
  RPE: { axis: "PETITE_ENFANCE", label: "relais petite enfance (RPE)", plural: "relais petite enfance (RPE)", ageMinMonths: 0, ageMaxMonths: 71 },
  LAEP: { axis: "PARENTALITE", label: "lieu d'accueil enfants-parents (LAEP)", plural: "lieux d'accueil enfants-parents (LAEP)", ageMinMonths: 0, ageMaxMonths: 71 },
  ALSH: { axis: "ENFANCE", label: "accueil de loisirs (centre de loisirs)", plural: "accueils de loisirs (centres de loisirs)", ageMinMonths: 36, ageMaxMonths: 203 },
  PERISCOLAIRE: { axis: "ENFANCE", label: "accueil périscolaire (garderie)", plural: "accueils périscolaires (garderies)", ageMinMonths: 36, ageMaxMonths: 143 },
  ESPACE_JEUNES: { axis: "JEUNESSE", label: "espace jeunes", plural: "espaces jeunes", ageMinMonths: 132, ageMaxMonths: 215 },
  PIJ: { axis: "JEUNESSE", label: "point information jeunesse (PIJ)", plural: "points information jeunesse (PIJ)", ageMinMonths: 144, ageMaxMonths: 311 },
  SERVICE_MOBILE_JEUNESSE: { axis: "JEUNESSE", label: "service mobile jeunesse", plural: "services mobiles jeunesse", ageMinMonths: 132, ageMaxMonths: 311 },
  CENTRE_SOCIAL: { axis: "ANIMATION_VIE_SOCIALE", label: "centre social", plural: "centres sociaux", ageMinMonths: null, ageMaxMonths: null },
  EVS: { axis: "ANIMATION_VIE_SOCIALE", label: "espace de vie sociale (EVS)", plural: "espaces de vie sociale (EVS)", ageMinMonths: null, ageMaxMonths: null },
  FRANCE_SERVICES: { axis: "ACCES_AUX_DROITS", label: "espace France Services", plural: "espaces France Services", ageMinMonths: null, ageMaxMonths: null },
  PMI: { axis: "PETITE_ENFANCE", label: "consultation PMI (protection maternelle et infantile)", plural: "consultations PMI", ageMinMonths: null, ageMaxMonths: 71 },
  MDS: { axis: "ACCES_AUX_DROITS", label: "Maison du Département Solidarité (MDS)", plural: "Maisons du Département Solidarité (MDS)", ageMinMonths: null, ageMaxMonths: null },
  SOUTIEN_PARENTALITE: { axis: "PARENTALITE", label: "action de soutien à la parentalité", plural: "actions de soutien à la parentalité", ageMinMonths: null, ageMaxMonths: null },
  CLAS: { axis: "ENFANCE", label: "accompagnement à la scolarité (CLAS)", plural: "accompagnements à la scolarité (CLAS)", ageMinMonths: 72, ageMaxMonths: 203 },
  ACCUEIL_INCLUSIF_HANDICAP: { axis: "HANDICAP", label: "accueil inclusif (handicap)", plural: "accueils inclusifs (handicap)", ageMinMonths: 0, ageMaxMonths: 215 },
  ECOUTE_VIOLENCES_INTRAFAMILIALES: { axis: "VIOLENCES_INTRAFAMILIALES", label: "lieu d'écoute violences intrafamiliales", plural: "lieux d'écoute violences intrafamiliales", ageMinMonths: null, ageMaxMonths: null },
} as const satisfies Record<string, ServiceTypeInfo>;

export type ServiceType = keyof typeof SERVICE_TYPES;
export const SERVICE_TYPE_CODES = Object.keys(SERVICE_TYPES) as ServiceType[];

/**
 * French words → service types (CONTRACT.md §5). Words are written as residents write them,
 * with accents; matching code normalises case, accents, hyphens and apostrophes itself.
 */
export const SERVICE_VOCABULARY: readonly { words: readonly string[]; types: readonly ServiceType[] }[] = [
  { words: ["crèche", "multi-accueil", "halte-garderie", "EAJE", "établissement d'accueil du jeune enfant", "jardin d'enfants"], types: ["EAJE", "MICRO_CRECHE"] },
  { words: ["micro-crèche"], types: ["MICRO_CRECHE"] },
  { words: ["assistante maternelle", "nounou", "MAM", "assistant maternel", "maison d'assistants maternels", "maison d'assistantes maternelles", "nourrice"], types: ["MAM", "RPE"] },
  { words: ["relais petite enfance", "RPE", "RAM", "relais assistantes maternelles", "relais assistants maternels", "relais parents assistants maternels", "relais"], types: ["RPE"] },
  { words: ["mode de garde", "faire garder", "garde d'enfants", "garder mon bébé", "garder mon enfant", "garde de bébé", "petite enfance"], types: ["EAJE", "MICRO_CRECHE", "MAM", "RPE"] },
  { words: ["centre de loisirs", "centre aéré", "accueil de loisirs", "ALSH", "accueil de loisirs sans hébergement", "CLSH", "ACM", "accueil collectif de mineurs"], types: ["ALSH"] },
  { words: ["garderie", "périscolaire", "accueil du matin", "accueil du soir", "accueil matin et soir"], types: ["PERISCOLAIRE"] },
  { words: ["ados", "jeunes", "espace jeunes", "local jeunes", "ado", "adolescents", "jeunesse", "maison des jeunes", "MJC", "service jeunesse", "service mobile jeunesse", "espace ados"], types: ["ESPACE_JEUNES", "PIJ", "SERVICE_MOBILE_JEUNESSE"] },
  { words: ["point information jeunesse", "PIJ", "information jeunesse", "bureau information jeunesse", "BIJ"], types: ["PIJ"] },
  { words: ["centre social"], types: ["CENTRE_SOCIAL"] },
  { words: ["espace de vie sociale", "EVS"], types: ["EVS"] },
  { words: ["France Services", "aide pour mes démarches", "aide pour mes papiers", "maison France Services", "démarches administratives", "papiers administratifs", "aide administrative", "faire mes papiers", "accès aux droits"], types: ["FRANCE_SERVICES"] },
  { words: ["PMI", "consultation nourrisson", "protection maternelle et infantile", "consultation du nourrisson", "puéricultrice"], types: ["PMI"] },
  { words: ["maison du département", "MDS", "assistante sociale", "maison du département solidarité", "maison départementale des solidarités", "assistant social", "travailleur social"], types: ["MDS"] },
  { words: ["lieu d'accueil enfants-parents", "LAEP", "lieu d'accueil parents-enfants", "LAPE"], types: ["LAEP"] },
  { words: ["soutien à la parentalité", "aide aux parents", "médiation familiale", "parentalité", "soutien parental", "médiateur familial", "café des parents"], types: ["SOUTIEN_PARENTALITE", "LAEP"] },
  { words: ["aide aux devoirs", "accompagnement scolaire", "CLAS", "accompagnement à la scolarité", "soutien scolaire", "aide scolaire"], types: ["CLAS"] },
  { words: ["handicap", "accueil inclusif", "handicapé", "handicapée", "situation de handicap", "autisme", "autiste"], types: ["ACCUEIL_INCLUSIF_HANDICAP"] },
  { words: ["violences conjugales", "violences intrafamiliales", "violences intra-familiales", "violences familiales", "violences domestiques", "violences faites aux femmes", "femmes battues"], types: ["ECOUTE_VIOLENCES_INTRAFAMILIALES"] },
];

export const FUNDING_MECHANISMS = [
  "BONUS_TERRITOIRE_CTG",
  "PSU",
  "PS_ALSH",
  "PS_RPE",
  "PS_LAEP",
  "PS_JEUNES",
  "PS_ANIMATION_GLOBALE",
  "PS_ANIMATION_COLLECTIVE_FAMILLES",
  "PS_EVS",
  "FONDS_PUBLICS_ET_TERRITOIRES",
  "REAAP",
  "CLAS",
  "SUBVENTION_DEPARTEMENT",
  "AIDE_MSA",
  "FONDS_PROPRES_COLLECTIVITE",
  "AUTRE",
] as const;
export type FundingMechanism = (typeof FUNDING_MECHANISMS)[number];

export const PARTNER_KINDS = ["EPCI", "CAF", "DEPARTEMENT", "MSA", "SIVOM", "COMMUNE", "CCAS", "ASSOCIATION", "ETAT", "AUTRE"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
