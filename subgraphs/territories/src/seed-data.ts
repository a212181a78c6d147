import { communes, DEPARTEMENT_CODE, epci } from "@ctg/territory-data/communes";
import type { Commune, Epci, PrismaClient } from "./generated/prisma/client.ts";

const SOURCE = "reference:@etalab/decoupage-administratif 6.0.0 (INSEE) + centres IGN Admin Express 2018";

export interface SeedReport {
  communes: number;
  epcis: number;
  /** Reference records the database did not have. */
  inserted: number;
  /** Records at version 1 that differed from the reference (changed behind the hub's back), put back. */
  restored: number;
  /** Records corrected in the hub since they were seeded (version above 1): left exactly as they are. */
  kept: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The line `pnpm seed` prints. */
export function seedSummary(report: SeedReport): string {
  return `${report.communes} communes, ${report.epcis} EPCI: ${report.inserted} inserted, ${report.restored} restored to the reference, kept ${plural(report.kept, "record", "records")} edited in the hub`;
}

type CommuneData = Omit<Commune, "version" | "updatedAt">;
type EpciData = Omit<Epci, "version" | "updatedAt">;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

function sameCommune(stored: Commune, wanted: CommuneData): boolean {
  return (
    stored.name === wanted.name &&
    sameList(stored.postalCodes, wanted.postalCodes) &&
    stored.population === wanted.population &&
    stored.lat === wanted.lat &&
    stored.lon === wanted.lon &&
    stored.departementCode === wanted.departementCode &&
    stored.epciSiren === wanted.epciSiren &&
    stored.source === wanted.source
  );
}

const sameEpci = (stored: Epci, wanted: EpciData) => stored.name === wanted.name && stored.source === wanted.source;

/**
 * Loads the 100 real communes and their EPCI. Running it again inserts what is missing and puts
 * back the records still at version 1 that differ from the reference (changed behind the hub's
 * back); a record corrected in the hub (`updateCommune`, `updateEpci`: version above 1) is left
 * exactly as it is, with its version and audit trail, and counted as kept. Nothing is deleted.
 * Versions are not moved and no audit entry is written: a restored record is as seeded.
 */
export async function seedTerritories(prisma: PrismaClient): Promise<SeedReport> {
  const wantedEpci: EpciData = { siren: epci.siren, name: epci.name, source: SOURCE };
  const wantedCommunes: CommuneData[] = communes.map((c) => ({
    code: c.code,
    name: c.name,
    postalCodes: c.postalCodes,
    population: c.population,
    lat: c.lat,
    lon: c.lon,
    departementCode: DEPARTEMENT_CODE,
    epciSiren: epci.siren,
    source: SOURCE,
  }));

  const [storedEpci, storedCommunes] = await Promise.all([
    prisma.epci.findUnique({ where: { siren: epci.siren } }),
    prisma.commune.findMany({ where: { code: { in: wantedCommunes.map((c) => c.code) } } }),
  ]);
  const byCode = new Map(storedCommunes.map((c) => [c.code, c]));
  const report: SeedReport = { communes: communes.length, epcis: 1, inserted: 0, restored: 0, kept: 0 };

  const missing: CommuneData[] = [];
  const changed: CommuneData[] = [];
  for (const wanted of wantedCommunes) {
    const stored = byCode.get(wanted.code);
    if (!stored) missing.push(wanted);
    else if (stored.version > 1) report.kept++;
    else if (!sameCommune(stored, wanted)) changed.push(wanted);
  }
  if (storedEpci && storedEpci.version > 1) report.kept++;
  const epciChanged = storedEpci !== null && storedEpci.version === 1 && !sameEpci(storedEpci, wantedEpci);
  if (!storedEpci) report.inserted++;
  report.inserted += missing.length;
  if (report.inserted === 0 && changed.length === 0 && !epciChanged) return report;

  // `version: 1` again at the write: a record corrected since it was read above is not overwritten.
  const results = await prisma.$transaction([
    prisma.epci.createMany({ data: [wantedEpci], skipDuplicates: true }),
    prisma.commune.createMany({ data: missing, skipDuplicates: true }),
    ...(epciChanged ? [prisma.epci.updateMany({ where: { siren: wantedEpci.siren, version: 1 }, data: wantedEpci })] : []),
    // One statement per commune, only for those to put back: none on a database the seed left as it was.
    ...changed.map(({ code, ...data }) => prisma.commune.updateMany({ where: { code, version: 1 }, data })),
  ]);
  report.restored = results.slice(2).reduce((sum, result) => sum + result.count, 0);
  return report;
}

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.commune.count()) === 0;
}
