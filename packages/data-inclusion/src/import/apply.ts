import type { HubDatabases, PartnersDb } from "../databases.ts";
import { dateText, insertRows, timestampText, type Column } from "./bulk-insert.ts";
import type { ImportPlan, PartnerCreate, PartnerPlan, ServiceCreate, ServicePlan } from "./plan.ts";
import { ensurePartnersWritten, ensureServicesWritten } from "./verify.ts";

/**
 * Writes a plan to both databases, all or nothing: the partners first, in one transaction; then the
 * services, in one transaction, checked against the partners now committed; if the services write
 * fails, the partner writes are undone from the plan's snapshots. Partners first, because while
 * the hub runs alongside (PostgreSQL) a reader may then see a new partner without its services for
 * a moment, never a service whose operator does not exist yet. Each commit is confirmed by reading
 * the writes back (verify.ts): an adapter may report a failed commit as a success.
 */
const CHUNK = 1_000;
const TRANSACTION = { maxWait: 30_000, timeout: 30 * 60_000 };

type PartnersTx = Parameters<Parameters<HubDatabases["partners"]["prisma"]["$transaction"]>[0]>[0];
type ServicesTx = Parameters<Parameters<HubDatabases["services"]["prisma"]["$transaction"]>[0]>[0];

export class ConsistencyError extends Error {
  override name = "ConsistencyError";
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const text = <Row>(name: keyof Row & string): Column<Row> => ({ name, value: (row) => row[name] });

function partnerColumns(now: Date): Column<PartnerCreate>[] {
  return [
    ...(["id", "name"] as const).map((name) => text<PartnerCreate>(name)),
    { name: "kind", value: (p) => p.kind, cast: `"PartnerKind"` },
    { name: "aliases", sql: "'{}'::text[]" },
    ...(["siren", "siret", "website", "phone", "email", "address", "communeCode", "source", "originSource", "originId"] as const).map((name) => text<PartnerCreate>(name)),
    { name: "sourceUpdatedOn", type: "date", value: (p) => dateText(p.sourceUpdatedOn) },
    { name: "updatedAt", type: "timestamp(3)", value: () => timestampText(now) },
  ];
}

function serviceColumns(now: Date): Column<ServiceCreate>[] {
  return [
    ...(["id", "name"] as const).map((name) => text<ServiceCreate>(name)),
    { name: "type", value: (s) => s.type, cast: `"ServiceType"` },
    { name: "axis", value: (s) => s.axis, cast: `"Axis"` },
    ...(["description", "operatorId", "communeCode", "address"] as const).map((name) => text<ServiceCreate>(name)),
    { name: "lat", type: "float8", value: (s) => s.lat },
    { name: "lon", type: "float8", value: (s) => s.lon },
    { name: "ageMinMonths", type: "int4", value: (s) => s.ageMinMonths },
    { name: "ageMaxMonths", type: "int4", value: (s) => s.ageMaxMonths },
    ...(["phone", "email", "website", "openingHours", "contactName", "source", "originSource", "originId"] as const).map((name) => text<ServiceCreate>(name)),
    { name: "sourceUpdatedOn", type: "date", value: (s) => dateText(s.sourceUpdatedOn) },
    { name: "createdAt", type: "timestamp(3)", value: () => timestampText(now) },
    { name: "updatedAt", type: "timestamp(3)", value: () => timestampText(now) },
  ];
}

type AreaRow = { serviceId: string; communeCode: string };
const AREA_COLUMNS: Column<AreaRow>[] = [text<AreaRow>("serviceId"), text<AreaRow>("communeCode")];

async function writePartners(tx: PartnersTx, plan: ImportPlan): Promise<void> {
  await insertRows(tx, "Partner", partnerColumns(plan.now), plan.partners.create);
  for (const { id, data } of plan.partners.update) await tx.partner.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
  for (const ids of chunks(plan.partners.archive.map((p) => p.id))) await tx.partner.updateMany({ where: { id: { in: ids } }, data: { archivedAt: plan.now, version: { increment: 1 } } });
}

export async function writeServices(tx: ServicesTx, plan: ServicePlan, now: Date): Promise<void> {
  await insertRows(tx, "Service", serviceColumns(now), plan.create);
  await insertRows(tx, "ServiceArea", AREA_COLUMNS, plan.create.flatMap((s) => s.area.map((communeCode) => ({ serviceId: s.id, communeCode }))));
  for (const { id, data, area, areaChanged } of plan.update) {
    // An import is a change like an editor's: it moves the version, so that an edit prepared on the
    // record as it was gets CONFLICT instead of silently undoing the import.
    await tx.service.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    if (areaChanged) await replaceArea(tx, id, area);
  }
  for (const ids of chunks(plan.archive)) await tx.service.updateMany({ where: { id: { in: ids } }, data: { archivedAt: now, version: { increment: 1 } } });
}

async function replaceArea(tx: ServicesTx, serviceId: string, area: readonly string[]): Promise<void> {
  await tx.serviceArea.deleteMany({ where: { serviceId } });
  await insertRows(tx, "ServiceArea", AREA_COLUMNS, area.map((communeCode) => ({ serviceId, communeCode })));
}

/** The cross-database rules, checked before the services commit: every operator exists, nothing runs under an archived partner. */
async function checkConsistency(partners: PartnersDb, stx: ServicesTx, plan: ImportPlan): Promise<void> {
  const operators = [...new Set([...plan.services.create, ...plan.services.update.map((u) => u.data)].map((s) => s.operatorId))];
  for (const ids of chunks(operators, 10_000)) {
    const found = new Set((await partners.prisma.partner.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((p) => p.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw new ConsistencyError(`Services would be operated by partners missing from the partners database: ${missing.slice(0, 5).join(", ")}`);
  }
  for (const ids of chunks(plan.services.create.map((s) => s.id), 10_000)) {
    const written = await stx.service.count({ where: { id: { in: ids } } });
    if (written !== ids.length) throw new ConsistencyError(`${ids.length - written} of the services created are missing after the write`);
  }
  if (plan.partners.archive.length) {
    const orphans = await stx.service.count({ where: { operatorId: { in: plan.partners.archive.map((p) => p.id) }, archivedAt: null } });
    if (orphans) throw new ConsistencyError(`${orphans} active services would be operated by archived partners`);
  }
}

export async function applyPlan(plan: ImportPlan, dbs: HubDatabases): Promise<void> {
  await dbs.partners.prisma.$transaction((ptx) => writePartners(ptx, plan), TRANSACTION);
  await ensurePartnersWritten(dbs.partners, plan);
  try {
    await dbs.services.prisma.$transaction(async (stx) => {
      await writeServices(stx, plan.services, plan.now);
      await checkConsistency(dbs.partners, stx, plan);
    }, TRANSACTION);
    await ensureServicesWritten(dbs.services, plan.services, plan.now);
  } catch (error) {
    try {
      await undoPartnerWrites(dbs.partners, plan.partners);
    } catch (undoError) {
      throw new Error(
        `The services write failed (${(error as Error).message}) and undoing the partner writes failed too (${(undoError as Error).message}): the partners database keeps this import's ${plan.partners.create.length} new, ${plan.partners.update.length} updated and ${plan.partners.archive.length} archived partners.`,
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Puts the partners database back as it was before `writePartners(plan)`, but for the versions: they
 * stay moved, so that a version number never names two different states of a record.
 */
export async function undoPartnerWrites(db: PartnersDb, plan: PartnerPlan): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    for (const ids of chunks(plan.create.map((p) => p.id))) await tx.partner.deleteMany({ where: { id: { in: ids } } });
    for (const { id, previous } of plan.update) await tx.partner.update({ where: { id }, data: previous });
    for (const { id, updatedAt } of plan.archive) await tx.partner.update({ where: { id }, data: { archivedAt: null, updatedAt } });
  }, TRANSACTION);
}
