import { normalizeName } from "@ctg/kit/text";
import { SERVICE_TYPES, type ServiceType } from "@ctg/territory-data";
import type { ReseauPorteur, Thematique, TypeDeService } from "./vocabulary.ts";

/**
 * The mapping table between data·inclusion listings and the hub's service types.
 *
 * data·inclusion's thématiques are coarser than our types (« famille--garde-denfants » covers
 * crèches, micro-crèches, MAM, relais and périscolaire alike), so the listing's name decides first:
 * producers name a listing after what it is (« Micro-crèche Les Lucioles », « Relais Petite
 * Enfance de Lillers »). The words differ from the bot's vocabulary (residents' questions, in
 * territory-data) because they serve another purpose: the first rule whose words occur in the name
 * wins, so the more specific kinds come first (« halte-garderie » before « garderie »).
 * Without a telling name, the thématiques and the structure's networks decide; a listing that fits
 * none of our types (employment, food, housing…) maps to null and is left out of the hub.
 */
export interface ListingDescription {
  name: string;
  thematiques?: readonly string[] | null;
  /** The `reseaux_porteurs` of the structure offering it. */
  networks?: readonly string[] | null;
}

export const NAME_RULES: readonly { type: ServiceType; words: readonly string[] }[] = [
  { type: "MICRO_CRECHE", words: ["micro-crèche", "microcrèche"] },
  { type: "EAJE", words: ["crèche", "multi-accueil", "multiaccueil", "halte-garderie", "halte-jeux", "jardin d'enfants", "EAJE", "établissement d'accueil du jeune enfant"] },
  {
    type: "RPE",
    words: ["relais petite enfance", "RPE", "RAM", "relais assistantes maternelles", "relais assistants maternels", "relais d'assistantes maternelles", "relais d'assistants maternels", "relais parents assistants maternels"],
  },
  { type: "MAM", words: ["MAM", "maison d'assistants maternels", "maison d'assistantes maternelles", "maison des assistants maternels", "maison des assistantes maternelles"] },
  { type: "LAEP", words: ["LAEP", "lieu d'accueil enfants-parents", "lieu d'accueil parents-enfants", "LAPE"] },
  { type: "ALSH", words: ["accueil de loisirs", "centre de loisirs", "centre aéré", "ALSH", "CLSH", "accueil collectif de mineurs", "ACM"] },
  { type: "PERISCOLAIRE", words: ["périscolaire", "garderie", "accueil du matin", "accueil du soir", "accueil matin et soir"] },
  { type: "CLAS", words: ["CLAS", "accompagnement à la scolarité", "accompagnement scolaire", "aide aux devoirs", "soutien scolaire", "aide scolaire"] },
  { type: "PIJ", words: ["point information jeunesse", "PIJ", "BIJ", "bureau information jeunesse", "information jeunesse"] },
  { type: "SERVICE_MOBILE_JEUNESSE", words: ["service mobile jeunesse", "bus jeunesse", "bus itinérant jeunesse", "jeunesse itinérante", "camion jeunesse"] },
  { type: "ESPACE_JEUNES", words: ["espace jeunes", "local jeunes", "maison des jeunes", "MJC", "espace ados", "point jeunes"] },
  { type: "FRANCE_SERVICES", words: ["France Services", "MSAP", "maison de services au public"] },
  { type: "PMI", words: ["PMI", "protection maternelle et infantile", "consultation nourrissons", "consultation du nourrisson", "consultation de nourrissons"] },
  { type: "MDS", words: ["maison du département solidarité", "maison départementale des solidarités", "maison départementale de la solidarité", "MDS"] },
  {
    type: "ECOUTE_VIOLENCES_INTRAFAMILIALES",
    words: ["violences conjugales", "violences intrafamiliales", "violences intra-familiales", "violences familiales", "violences faites aux femmes", "victimes de violences"],
  },
  { type: "ACCUEIL_INCLUSIF_HANDICAP", words: ["handicap", "accueil inclusif"] },
  {
    type: "SOUTIEN_PARENTALITE",
    words: ["médiation familiale", "soutien à la parentalité", "parentalité", "parents-enfants", "café des parents", "école des parents", "groupe de parents", "aide aux parents", "REAAP"],
  },
  { type: "EVS", words: ["espace de vie sociale", "EVS"] },
  { type: "CENTRE_SOCIAL", words: ["centre social", "centre socioculturel", "centre socio-culturel"] },
];

/** When the name says nothing: thématiques, then the structure's networks. First match wins. */
export const THEMATIQUE_RULES: readonly { type: ServiceType; thematiques?: readonly Thematique[]; networks?: readonly ReseauPorteur[] }[] = [
  { type: "ECOUTE_VIOLENCES_INTRAFAMILIALES", thematiques: ["famille--surmonter-conflits-separation-violence"] },
  { type: "EAJE", thematiques: ["famille--garde-denfants"] },
  { type: "FRANCE_SERVICES", networks: ["france-service"], thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives", "numerique--acceder-a-des-services-en-ligne"] },
  { type: "MDS", networks: ["maisons-des-solidarites"] },
  { type: "PIJ", networks: ["reseau-information-jeunesse"] },
  { type: "CENTRE_SOCIAL", networks: ["fcsf"], thematiques: ["remobilisation--lien-social"] },
  { type: "SOUTIEN_PARENTALITE", thematiques: ["famille--soutien-a-la-parentalite-et-a-leducation"] },
];

/** Words compared whole, accents and case aside, plurals folded (« centres » = « centre »). */
const fold = (text: string): string =>
  ` ${normalizeName(text)
    .split(" ")
    .map((w) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w))
    .join(" ")} `;

const FOLDED_NAME_RULES = NAME_RULES.map((rule) => ({ type: rule.type, words: rule.words.map(fold) }));

export function serviceTypeOf(listing: ListingDescription): ServiceType | null {
  const name = fold(listing.name);
  for (const rule of FOLDED_NAME_RULES) if (rule.words.some((w) => name.includes(w))) return rule.type;
  const thematiques = new Set(listing.thematiques ?? []);
  const networks = new Set(listing.networks ?? []);
  for (const rule of THEMATIQUE_RULES) {
    const themeOk = !rule.thematiques || rule.thematiques.some((t) => thematiques.has(t));
    const networkOk = !rule.networks || rule.networks.some((n) => networks.has(n));
    if (themeOk && networkOk) return rule.type;
  }
  return null;
}

/** What the hub publishes for each type: thématiques and the v1 `type` of service. */
export const LISTING_OF_TYPE: Record<ServiceType, { thematiques: Thematique[]; type: TypeDeService }> = {
  EAJE: { thematiques: ["famille--garde-denfants"], type: "accompagnement" },
  MICRO_CRECHE: { thematiques: ["famille--garde-denfants"], type: "accompagnement" },
  MAM: { thematiques: ["famille--garde-denfants"], type: "accompagnement" },
  RPE: { thematiques: ["famille--garde-denfants", "famille--soutien-a-la-parentalite-et-a-leducation"], type: "information" },
  LAEP: { thematiques: ["famille--soutien-a-la-parentalite-et-a-leducation"], type: "atelier" },
  ALSH: { thematiques: ["famille--garde-denfants", "remobilisation--activites-sportives-et-culturelles"], type: "accompagnement" },
  PERISCOLAIRE: { thematiques: ["famille--garde-denfants"], type: "accompagnement" },
  ESPACE_JEUNES: { thematiques: ["remobilisation--activites-sportives-et-culturelles", "remobilisation--lien-social"], type: "atelier" },
  PIJ: { thematiques: ["choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite", "se-former--trouver-sa-formation"], type: "information" },
  SERVICE_MOBILE_JEUNESSE: { thematiques: ["remobilisation--lien-social", "remobilisation--activites-sportives-et-culturelles"], type: "atelier" },
  CENTRE_SOCIAL: { thematiques: ["remobilisation--lien-social", "famille--soutien-a-la-parentalite-et-a-leducation"], type: "accompagnement" },
  EVS: { thematiques: ["remobilisation--lien-social"], type: "atelier" },
  FRANCE_SERVICES: {
    thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives", "numerique--acceder-a-des-services-en-ligne"],
    type: "accompagnement",
  },
  PMI: { thematiques: ["sante--acces-aux-soins", "famille--soutien-a-la-parentalite-et-a-leducation"], type: "accompagnement" },
  MDS: { thematiques: ["difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits", "famille--soutien-a-la-parentalite-et-a-leducation"], type: "accompagnement" },
  SOUTIEN_PARENTALITE: { thematiques: ["famille--soutien-a-la-parentalite-et-a-leducation"], type: "atelier" },
  CLAS: { thematiques: ["famille--soutien-a-la-parentalite-et-a-leducation"], type: "accompagnement" },
  ACCUEIL_INCLUSIF_HANDICAP: { thematiques: ["famille--garde-denfants", "famille--soutien-a-la-parentalite-et-a-leducation"], type: "accompagnement" },
  ECOUTE_VIOLENCES_INTRAFAMILIALES: { thematiques: ["famille--surmonter-conflits-separation-violence"], type: "information" },
};

export const axisOf = (type: ServiceType) => SERVICE_TYPES[type].axis;
