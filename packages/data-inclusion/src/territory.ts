import { normalizeName } from "@ctg/kit/text";
import { CABBALR_SIREN, communeByInsee, communes, DEPARTEMENT_CODE } from "@ctg/territory-data";

/** The region of the territory (Hauts-de-France): a service open to the whole region serves it all. */
export const REGION_CODE = "32";
const NATION_CODES = new Set(["france", "99100"]);
const ALL_CODES: readonly string[] = communes.map((c) => c.code);

export const isTerritoryCommune = (code: string | null | undefined): code is string => !!code && !!communeByInsee(code);

const byPostalCode = new Map<string, string[]>();
for (const c of communes) for (const postal of c.postalCodes) byPostalCode.set(postal, [...(byPostalCode.get(postal) ?? []), c.code]);

export interface Place {
  code_insee?: string | null;
  code_postal?: string | null;
  commune?: string | null;
}

/**
 * The commune of a place among the 100, or null when it lies elsewhere or says too little: the INSEE
 * code when given; else the postal code, with the commune's name when several communes share it.
 */
export function territoryCommuneOf(place: Place): string | null {
  if (place.code_insee) return isTerritoryCommune(place.code_insee) ? place.code_insee : null;
  if (!place.code_postal) return null;
  const candidates = byPostalCode.get(place.code_postal) ?? [];
  if (candidates.length === 1) return candidates[0];
  if (!place.commune) return null;
  const name = normalizeName(place.commune);
  return candidates.find((code) => normalizeName(communeByInsee(code)!.name) === name) ?? null;
}

/** Whether a place says where it is at all (an INSEE code or a postal code). */
export const hasLocation = (place: Place): boolean => !!(place.code_insee || place.code_postal);

/**
 * The communes of the territory inside a `zone_eligibilite`: its own communes by INSEE code; all
 * 100 for the agglomeration's SIREN, the département (62), the region (32) or the whole country.
 * Other EPCIs and départements hold none of ours. The service's own commune is always included.
 */
export function serviceAreaOf(zone: readonly string[] | null | undefined, ownCommune: string): string[] {
  const area = new Set([ownCommune]);
  for (const code of zone ?? []) {
    if (coversTerritory(code)) return [...ALL_CODES];
    if (isTerritoryCommune(code)) area.add(code);
  }
  return [...area].sort();
}

const coversTerritory = (code: string) => code === CABBALR_SIREN || code === DEPARTEMENT_CODE || code === REGION_CODE || NATION_CODES.has(code);

/** Whether a `zone_eligibilite` reaches at least one of the 100 communes. */
export const zoneTouchesTerritory = (zone: readonly string[]): boolean => zone.some((code) => coversTerritory(code) || isTerritoryCommune(code));

/** The shortest `zone_eligibilite` for an area: the agglomeration's SIREN when it covers all 100. */
export function zoneOf(area: readonly string[]): string[] {
  const codes = new Set(area);
  if (ALL_CODES.every((c) => codes.has(c))) return [CABBALR_SIREN];
  return [...codes].sort();
}
