import { chunks } from "@ctg/kit/bulk-insert";
import type { ServicesDb } from "../databases.ts";
import type { ServicePlan } from "./plan.ts";

/**
 * Reads back, after a commit, the rows an import wrote. Driver adapters do not all report a failed
 * COMMIT: pglite-prisma-adapter 0.6.1 resolves the transaction although PGlite rolled it back. A
 * commit is all or nothing, so finding the writes proves it happened, and missing writes prove it
 * did not.
 */
export class CommitError extends Error {
  override name = "CommitError";
}

const CHUNK = 10_000;
const SERVICE_FIELDS = ["name", "type", "operatorId", "communeCode", "address", "phone", "openingHours"] as const;

async function countIn(ids: readonly string[], count: (ids: string[]) => Promise<number>): Promise<number> {
  let total = 0;
  for (const part of chunks(ids, CHUNK)) total += await count(part);
  return total;
}

export async function servicesWereWritten(db: ServicesDb, plan: ServicePlan, now: Date): Promise<boolean> {
  const service = db.prisma.service;
  const created = await countIn(plan.create.map((s) => s.id), (ids) => service.count({ where: { id: { in: ids } } }));
  if (created !== plan.create.length) return false;
  const archived = await countIn(plan.archive, (ids) => service.count({ where: { id: { in: ids }, archivedAt: now } }));
  if (archived !== plan.archive.length) return false;
  const updates = new Map(plan.update.map((u) => [u.id, u.data]));
  for (let i = 0; i < plan.update.length; i += CHUNK) {
    const rows = await service.findMany({ where: { id: { in: plan.update.slice(i, i + CHUNK).map((u) => u.id) } } });
    if (rows.length !== Math.min(CHUNK, plan.update.length - i)) return false;
    for (const row of rows) {
      const data = updates.get(row.id)!;
      if (row.archivedAt !== null || SERVICE_FIELDS.some((k) => row[k] !== data[k])) return false;
    }
  }
  return true;
}

export async function ensureServicesWritten(db: ServicesDb, plan: ServicePlan, now: Date): Promise<void> {
  if (!(await servicesWereWritten(db, plan, now))) throw new CommitError("The services database did not keep the import's changes (its commit failed).");
}

