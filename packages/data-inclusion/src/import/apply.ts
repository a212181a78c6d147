import { BULK_TRANSACTION, chunks, dateText, insertRows, textColumn, timestampText, type Column } from "@ctg/kit/bulk-insert";
import type { PartnersDb, ServicesDb } from "../databases.ts";
import { isPartnersStore, localPartnersStore, type PartnersStore } from "./partners-store.ts";
import { partnerWrites, type ImportPlan, type ServiceCreate, type ServicePlan } from "./plan.ts";
import { ensureServicesWritten } from "./verify.ts";

const CHUNK = 1_000;

type ServicesTx = Parameters<Parameters<ServicesDb["prisma"]["$transaction"]>[0]>[0];

/** The databases an import writes: the partners' directly (command line) or through the partners subgraph. */
export interface ImportDatabases {
  partners: PartnersDb | PartnersStore;
  services: ServicesDb;
}

export const partnersStoreOf = (partners: PartnersDb | PartnersStore): PartnersStore => (isPartnersStore(partners) ? partners : localPartnersStore(partners));

export class ConsistencyError extends Error {
  override name = "ConsistencyError";
}



function serviceColumns(now: Date): Column<ServiceCreate>[] {
  return [
    ...(["id", "name"] as const).map((name) => textColumn<ServiceCreate>(name)),
    { name: "type", value: (s) => s.type, cast: `"ServiceType"` },
    { name: "axis", value: (s) => s.axis, cast: `"Axis"` },
    ...(["description", "operatorId", "communeCode", "address"] as const).map((name) => textColumn<ServiceCreate>(name)),
    { name: "lat", type: "float8", value: (s) => s.lat },
    { name: "lon", type: "float8", value: (s) => s.lon },
    { name: "ageMinMonths", type: "int4", value: (s) => s.ageMinMonths },
    { name: "ageMaxMonths", type: "int4", value: (s) => s.ageMaxMonths },
    ...(["phone", "email", "website", "openingHours", "contactName", "source", "originSource", "originId"] as const).map((name) => textColumn<ServiceCreate>(name)),
    { name: "sourceUpdatedOn", type: "date", value: (s) => dateText(s.sourceUpdatedOn) },
    { name: "createdAt", type: "timestamp(3)", value: () => timestampText(now) },
    { name: "updatedAt", type: "timestamp(3)", value: () => timestampText(now) },
  ];
}

type AreaRow = { serviceId: string; communeCode: string };
const AREA_COLUMNS: Column<AreaRow>[] = [textColumn<AreaRow>("serviceId"), textColumn<AreaRow>("communeCode")];

export async function writeServices(tx: ServicesTx, plan: ServicePlan, now: Date): Promise<void> {
  await insertRows(tx, "Service", serviceColumns(now), plan.create);
  await insertRows(tx, "ServiceArea", AREA_COLUMNS, plan.create.flatMap((s) => s.area.map((communeCode) => ({ serviceId: s.id, communeCode }))));
  for (const { id, data, area, areaChanged } of plan.update) {
    // An import is a change like an editor's: it moves the version, so that an edit prepared on the
    // record as it was gets CONFLICT instead of silently undoing the import.
    await tx.service.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    if (areaChanged) await replaceArea(tx, id, area);
  }
  for (const ids of chunks(plan.archive, CHUNK)) await tx.service.updateMany({ where: { id: { in: ids } }, data: { archivedAt: now, version: { increment: 1 } } });
}

async function replaceArea(tx: ServicesTx, serviceId: string, area: readonly string[]): Promise<void> {
  await tx.serviceArea.deleteMany({ where: { serviceId } });
  await insertRows(tx, "ServiceArea", AREA_COLUMNS, area.map((communeCode) => ({ serviceId, communeCode })));
}

/** The cross-database rules, checked before the services commit: every operator exists, nothing runs under an archived partner. */
async function checkConsistency(partners: PartnersStore, stx: ServicesTx, plan: ImportPlan): Promise<void> {
  const operators = [...new Set([...plan.services.create, ...plan.services.update.map((u) => u.data)].map((s) => s.operatorId))];
  for (const ids of chunks(operators, 10_000)) {
    const found = await partners.existing(ids);
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

/**
 * Writes a plan to both databases, all or nothing: the partners first, in one transaction; then the
 * services, in one transaction, checked against the partners now committed; if the services write
 * fails, the partner writes are undone from the plan's snapshots. Partners first, because while
 * the hub runs alongside (PostgreSQL) a reader may then see a new partner without its services for
 * a moment, never a service whose operator does not exist yet. Each commit is confirmed by reading
 * the writes back (verify.ts): an adapter may report a failed commit as a success.
 */
export async function applyPlan(plan: ImportPlan, dbs: ImportDatabases): Promise<void> {
  const partners = partnersStoreOf(dbs.partners);
  const writes = partnerWrites(plan);
  await partners.write(writes);
  try {
    await dbs.services.prisma.$transaction(async (stx) => {
      await writeServices(stx, plan.services, plan.now);
      await checkConsistency(partners, stx, plan);
    }, BULK_TRANSACTION);
    await ensureServicesWritten(dbs.services, plan.services, plan.now);
  } catch (error) {
    try {
      await partners.undo(writes);
    } catch (undoError) {
      throw new Error(
        `The services write failed (${(error as Error).message}) and undoing the partner writes failed too (${(undoError as Error).message}): the partners database keeps this import's ${plan.partners.create.length} new, ${plan.partners.update.length} updated and ${plan.partners.archive.length} archived partners.`,
        { cause: error },
      );
    }
    throw error;
  }
}

