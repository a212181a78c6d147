import { createRequire } from "node:module";
import centres from "../data/communes-cabbalr.json" with { type: "json" };

const require = createRequire(import.meta.url);

/** The EPCI of the CTG: Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane. */
export const CABBALR_SIREN = "200072460";
export const DEPARTEMENT_CODE = "62";

export interface CommuneRecord {
  code: string;
  name: string;
  postalCodes: string[];
  /** Municipal population (INSEE, as published by @etalab/decoupage-administratif 6.0.0). */
  population: number;
  siren: string;
  lat: number;
  lon: number;
}

export interface EpciRecord {
  siren: string;
  name: string;
  population: number;
  memberCodes: string[];
}

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
  siren?: string;
}
interface EtalabEpci {
  code: string;
  nom: string;
  populationMunicipale: number;
  membres: { code: string; siren: string; nom: string; populationMunicipale: number }[];
}

let allFrenchCommunes: EtalabCommune[] | undefined;
/** Every current French commune (≈35 000), loaded lazily: 8 MB of JSON. */
export function frenchCommunes(): EtalabCommune[] {
  allFrenchCommunes ??= (require("@etalab/decoupage-administratif/data/communes.json") as EtalabCommune[]).filter(
    (c) => c.type === "commune-actuelle",
  );
  return allFrenchCommunes;
}

function loadEpci(): EtalabEpci {
  const all = require("@etalab/decoupage-administratif/data/epci.json") as EtalabEpci[];
  const epci = all.find((e) => e.code === CABBALR_SIREN);
  if (!epci) throw new Error(`EPCI ${CABBALR_SIREN} missing from @etalab/decoupage-administratif`);
  return epci;
}

function buildCommunes(): CommuneRecord[] {
  const epci = loadEpci();
  const byCode = new Map(frenchCommunes().map((c) => [c.code, c]));
  const centreByCode = new Map(centres.map((c) => [c.code, c]));
  return epci.membres
    .map((m) => {
      const centre = centreByCode.get(m.code);
      const commune = byCode.get(m.code);
      if (!centre || !commune) throw new Error(`No centre or postal codes for commune ${m.code}`);
      return {
        code: m.code,
        name: m.nom,
        postalCodes: [...(commune.codesPostaux ?? [])].sort(),
        population: m.populationMunicipale,
        siren: m.siren,
        lat: centre.lat,
        lon: centre.lon,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The 100 member communes of the CABBALR, sorted by INSEE code. */
export const communes: readonly CommuneRecord[] = buildCommunes();

export const epci: EpciRecord = (() => {
  const e = loadEpci();
  return {
    siren: e.code,
    name: e.nom,
    population: e.populationMunicipale,
    memberCodes: communes.map((c) => c.code),
  };
})();

const communeByCode = new Map(communes.map((c) => [c.code, c]));
export function communeByInsee(code: string): CommuneRecord | undefined {
  return communeByCode.get(code);
}

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Why `code` is not a commune of the territory, in a sentence for a developer, or null when it is
 * one: not an INSEE code, no such commune in France, or a French commune outside the agglomeration.
 */
export function territoryCommuneProblem(code: string): string | null {
  if (communeByCode.has(code)) return null;
  if (!/^(\d{5}|2[AB]\d{3})$/.test(code)) return `${JSON.stringify(code)} is not an INSEE commune code (5 characters, such as "62119" for Béthune)`;
  const french = frenchCommunes().find((c) => c.code === code);
  if (!french) return `no current French commune has the INSEE code ${code}`;
  return `${code} is ${french.nom}, outside the ${communes.length} communes of the agglomeration (CABBALR)`;
}
