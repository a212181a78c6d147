import type { SeedOptions } from "@ctg/kit";
import { timestampText } from "@ctg/kit/bulk-insert";
import { sampleTerritory, type ServiceRecord } from "@ctg/territory-data";
import type { PrismaClient } from "./generated/prisma/client.ts";

/**
 * Services per statement. Every statement sends one array parameter per column (spread by
 * `unnest`), not one parameter per value as Prisma's createMany does, which PGlite parses slowly.
 */
const CHUNK = 5_000;
const TRANSACTION = { maxWait: 30_000, timeout: 10 * 60_000 };

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The columns the sample gives, with the PostgreSQL type their values are sent as. */
const SAMPLE_COLUMNS: readonly { name: keyof Omit<ServiceRecord, "serviceArea">; type: string; cast?: string }[] = [
  { name: "id", type: "text" },
  { name: "name", type: "text" },
  { name: "type", type: "text", cast: `"ServiceType"` },
  { name: "axis", type: "text", cast: `"Axis"` },
  { name: "description", type: "text" },
  { name: "operatorId", type: "text" },
  { name: "communeCode", type: "text" },
  { name: "address", type: "text" },
  { name: "lat", type: "float8" },
  { name: "lon", type: "float8" },
  { name: "ageMinMonths", type: "int4" },
  { name: "ageMaxMonths", type: "int4" },
  { name: "phone", type: "text" },
  { name: "email", type: "text" },
  { name: "website", type: "text" },
  { name: "openingHours", type: "text" },
  { name: "capacity", type: "int4" },
  { name: "source", type: "text" },
];

/**
 * The columns the sample does not give, as a seeded service has them: published, not archived,
 * no contact, not imported. Restoring a service puts them back too.
 */
const SEEDED_DEFAULTS: readonly { name: string; value: string }[] = [
  { name: "draft", value: "false" },
  { name: "archivedAt", value: "NULL" },
  { name: "contactName", value: "NULL" },
  { name: "originSource", value: "NULL" },
  { name: "originId", value: "NULL" },
  { name: "sourceUpdatedOn", value: "NULL" },
];

const q = (name: string) => `"${name}"`;

/**
 * Inserts the missing services and restores, in the same statement, those still at version 1 that
 * differ from the sample; a service at a higher version (edited in the hub) is left alone.
 * `$1…$n` are the sample's columns, `$n+1` the time of the change (timestamp(3), UTC, as Prisma
 * stores it). Returns the ids inserted or restored.
 */
const UPSERT_SERVICES = (() => {
  const timestamp = `$${SAMPLE_COLUMNS.length + 1}::timestamp(3)`;
  const values = SAMPLE_COLUMNS.map((c) => (c.cast ? `u.${q(c.name)}::${c.cast}` : `u.${q(c.name)}`));
  const updated = SAMPLE_COLUMNS.filter((c) => c.name !== "id");
  const differs = [
    ...updated.map((c) => `s.${q(c.name)} IS DISTINCT FROM EXCLUDED.${q(c.name)}`),
    ...SEEDED_DEFAULTS.map((c) => `s.${q(c.name)} IS DISTINCT FROM ${c.value}`),
  ];
  return `INSERT INTO "Service" AS s (${SAMPLE_COLUMNS.map((c) => q(c.name)).join(", ")}, "createdAt", "updatedAt")
    SELECT ${values.join(", ")}, ${timestamp}, ${timestamp}
    FROM unnest(${SAMPLE_COLUMNS.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ")}) AS u(${SAMPLE_COLUMNS.map((c) => q(c.name)).join(", ")})
    ON CONFLICT ("id") DO UPDATE SET
      ${[...updated.map((c) => `${q(c.name)} = EXCLUDED.${q(c.name)}`), ...SEEDED_DEFAULTS.map((c) => `${q(c.name)} = ${c.value}`), `"updatedAt" = EXCLUDED."updatedAt"`].join(",\n      ")}
    WHERE s."version" = 1 AND (${differs.join("\n      OR ")})
    RETURNING s."id"`;
})();

/** The areas of the services at version 1: rows the sample does not have go ($1 services, $2/$3 the sample's rows)… */
const DELETE_EXTRA_AREA = `DELETE FROM "ServiceArea" a USING "Service" s
  WHERE a."serviceId" = s."id" AND s."version" = 1 AND s."id" = ANY($1::text[])
    AND (a."serviceId", a."communeCode") NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))
  RETURNING a."serviceId"`;

/** …and the rows it has are added when missing. */
const INSERT_MISSING_AREA = `INSERT INTO "ServiceArea" ("serviceId", "communeCode")
  SELECT u."serviceId", u."communeCode" FROM unnest($1::text[], $2::text[]) AS u("serviceId", "communeCode")
  JOIN "Service" s ON s."id" = u."serviceId" AND s."version" = 1
  ON CONFLICT DO NOTHING
  RETURNING "serviceId"`;

/** A seeded service has no contact person: those of a service at version 1 were added behind the hub's back. */
const DELETE_CONTACTS = `DELETE FROM "ServiceContact" c USING "Service" s
  WHERE c."serviceId" = s."id" AND s."version" = 1 AND s."id" = ANY($1::text[])
  RETURNING c."serviceId"`;

export interface SeedReport {
  /** Services in the sample. */
  services: number;
  /** Sample services the database did not have. */
  inserted: number;
  /** Services at version 1 that differed from the sample (changed behind the hub's back), put back as seeded. */
  restored: number;
  /** Services edited in the hub since they were seeded (version above 1): left exactly as they are. */
  kept: number;
  areaRowsInserted: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function seedSummary(report: SeedReport): string {
  return (
    `${report.inserted} new services (${report.services} in the sample), ${report.areaRowsInserted} new service-area rows, ` +
    `${plural(report.restored, "service", "services")} restored to the sample, kept ${plural(report.kept, "record", "records")} edited in the hub`
  );
}

async function seedChunk(tx: Tx, chunk: readonly ServiceRecord[], now: string, report: SeedReport): Promise<void> {
  const ids = chunk.map((s) => s.id);
  // Locks the sample's services already there, so that no edit lands between what is read here and
  // what is written: an editor's change to one of them waits for the seed, then applies (the seed
  // leaves versions as they are, so the editor's expectedVersion still holds).
  const stored = await tx.$queryRawUnsafe<{ id: string; version: number }[]>(
    `SELECT "id", "version" FROM "Service" WHERE "id" = ANY($1::text[]) ORDER BY "id" FOR NO KEY UPDATE`,
    ids,
  );
  const existing = new Set(stored.map((row) => row.id));
  report.kept += stored.filter((row) => row.version > 1).length;

  const written = await tx.$queryRawUnsafe<{ id: string }[]>(
    UPSERT_SERVICES,
    ...SAMPLE_COLUMNS.map((c) => chunk.map((s) => s[c.name] ?? null)),
    now,
  );
  const restored = new Set(written.filter((row) => existing.has(row.id)).map((row) => row.id));
  report.inserted += written.length - restored.size;

  const areaService = chunk.flatMap((s) => s.serviceArea.map(() => s.id));
  const areaCommune = chunk.flatMap((s) => s.serviceArea);
  const extraArea = await tx.$queryRawUnsafe<{ serviceId: string }[]>(DELETE_EXTRA_AREA, ids, areaService, areaCommune);
  const missingArea = await tx.$queryRawUnsafe<{ serviceId: string }[]>(INSERT_MISSING_AREA, areaService, areaCommune);
  const contacts = await tx.$queryRawUnsafe<{ serviceId: string }[]>(DELETE_CONTACTS, ids);
  report.areaRowsInserted += missingArea.length;
  for (const row of [...extraArea, ...missingArea, ...contacts]) if (existing.has(row.serviceId)) restored.add(row.serviceId);
  report.restored += restored.size;
}

/**
 * Loads the sample services (and the real facilities found in public sources) and their service
 * areas. Running it again:
 * - inserts the services the database lacks (e.g. those of a larger `--scale`);
 * - restores those still at version 1 — never changed through the graph — that differ from the
 *   sample (changed behind the hub's back), service area and contacts included;
 * - leaves exactly as they are the services edited in the hub since (version above 1: an editor's
 *   change or a data·inclusion import), and counts them;
 * - deletes nothing but the area rows and contacts of the services it restores: services created in
 *   the hub or imported, and sample services of another scale, stay.
 * Versions are not moved and no audit entry is written: a restored service is as seeded.
 */
export async function seedServices(prisma: PrismaClient, options: SeedOptions): Promise<string> {
  return seedSummary(await seedServicesReport(prisma, options));
}

export async function seedServicesReport(prisma: PrismaClient, options: SeedOptions): Promise<SeedReport> {
  const { services } = sampleTerritory(options);
  const report: SeedReport = { services: services.length, inserted: 0, restored: 0, kept: 0, areaRowsInserted: 0 };
  const now = timestampText(new Date());
  // One transaction: the graph never serves half a seed.
  await prisma.$transaction(async (tx) => {
    for (let i = 0; i < services.length; i += CHUNK) await seedChunk(tx, services.slice(i, i + CHUNK), now, report);
  }, TRANSACTION);
  return report;
}

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.service.count()) === 0;
}
