import { normalizeName } from "@ctg/kit/text";
import type { PartnerKind } from "@ctg/territory-data";
import type { ReseauPorteur } from "./vocabulary.ts";

/**
 * A new partner's kind from its structure's `reseaux_porteurs` (first match in this order: an
 * agency of the CAF also listed under `france-service` is the CAF), then from its name for what
 * no network names (SIVOM, associations). Otherwise AUTRE: companies, unknown networks.
 */
const KIND_OF_NETWORK: readonly [ReseauPorteur, PartnerKind][] = [
  ["caf", "CAF"],
  ["mutualite-sociale-agricole", "MSA"],
  ["departements", "DEPARTEMENT"],
  ["maisons-des-solidarites", "DEPARTEMENT"],
  ["ase", "DEPARTEMENT"],
  ["ccas-cias", "CCAS"],
  ["communes", "COMMUNE"],
  ["regions", "ETAT"],
  ["pjj", "ETAT"],
  ["fcsf", "ASSOCIATION"],
  ["mjc", "ASSOCIATION"],
  ["unaf", "ASSOCIATION"],
  ["cidff", "ASSOCIATION"],
  ["croix-rouge", "ASSOCIATION"],
  ["secours-populaire", "ASSOCIATION"],
  ["restos-du-coeur", "ASSOCIATION"],
  ["emmaus", "ASSOCIATION"],
  ["apprentis-dauteuil", "ASSOCIATION"],
  ["reseau-information-jeunesse", "ASSOCIATION"],
];

export function partnerKindOf(networks: readonly string[] | null | undefined, name: string): PartnerKind {
  const set = new Set(networks ?? []);
  const normalized = normalizeName(name);
  // A SIVOM is listed under « communes » (a grouping of communes) but is a kind of its own here.
  if (/^(sivom|syndicat intercommunal)\b/.test(normalized)) return "SIVOM";
  if (/^(communaute d agglomeration|communaute de communes)\b/.test(normalized)) return "EPCI";
  for (const [network, kind] of KIND_OF_NETWORK) if (set.has(network)) return kind;
  if (/\b(association|asso)\b/.test(normalized)) return "ASSOCIATION";
  return "AUTRE";
}

/** The networks the hub declares when it publishes a partner as a data·inclusion structure. */
export const NETWORKS_OF_KIND: Record<PartnerKind, ReseauPorteur[]> = {
  EPCI: ["communes"],
  CAF: ["caf"],
  DEPARTEMENT: ["departements"],
  MSA: ["mutualite-sociale-agricole"],
  SIVOM: ["communes"],
  COMMUNE: ["communes"],
  CCAS: ["ccas-cias"],
  ASSOCIATION: [],
  ETAT: ["regions"],
  AUTRE: [],
};
