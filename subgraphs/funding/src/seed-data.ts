import { sampleTerritory, type FundingRecord, type SampleOptions } from "@ctg/territory-data";
import type { PrismaClient } from "./generated/prisma/client.ts";

/** Sample lines are recognised by their source; other lines (real data) are never touched by the seed. */
const SAMPLE_PREFIX = "sample:";
const CHUNK = 2_000;
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

export interface SeedReport {
  lines: number;
  inserted: number;
  replaced: number;
  removed: number;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

type StoredLine = Omit<FundingRecord, "amount" | "label"> & { amount: { toFixed(digits: number): string }; label: string | null };

function sameLine(stored: StoredLine, record: FundingRecord): boolean {
  return (
    stored.funderId === record.funderId &&
    stored.recipientId === record.recipientId &&
    stored.serviceId === record.serviceId &&
    stored.conventionId === record.conventionId &&
    stored.communeCode === record.communeCode &&
    stored.mechanism === record.mechanism &&
    stored.year === record.year &&
    stored.amount.toFixed(2) === record.amount &&
    stored.label === record.label &&
    stored.source === record.source
  );
}

/**
 * Makes the sample funding lines of the database those of `options` (seed and scale): missing lines
 * are inserted in bulk, changed ones replaced, sample lines absent from this sample removed — the
 * bonus territoire is apportioned over the services of the scale, so lines of another scale would
 * break its yearly totals. Running it twice changes nothing the second time.
 */
export async function seedFundings(prisma: PrismaClient, options: SampleOptions = {}): Promise<SeedReport> {
  const records = sampleTerritory(options).fundings;
  const stored = await prisma.funding.findMany({
    where: { source: { startsWith: SAMPLE_PREFIX } },
    omit: { updatedAt: true },
  });
  const storedById = new Map(stored.map((row) => [row.id, row]));
  const wanted = new Set(records.map((r) => r.id));

  const missing: FundingRecord[] = [];
  const changed: FundingRecord[] = [];
  for (const record of records) {
    const row = storedById.get(record.id);
    if (!row) missing.push(record);
    else if (!sameLine(row, record)) changed.push(record);
  }
  const stale = stored.filter((row) => !wanted.has(row.id)).map((row) => row.id);
  const toDelete = [...stale, ...changed.map((r) => r.id)];
  const toInsert = [...missing, ...changed];
  if (toDelete.length + toInsert.length === 0) return { lines: records.length, inserted: 0, replaced: 0, removed: 0 };

  // One transaction, so the graph never serves half a bonus territoire; a large scale takes longer than Prisma's 5 s default.
  await prisma.$transaction(
    async (tx) => {
      for (const ids of chunks(toDelete)) await tx.funding.deleteMany({ where: { id: { in: ids } } });
      for (const data of chunks(toInsert)) await tx.funding.createMany({ data, skipDuplicates: true });
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
  return { lines: records.length, inserted: missing.length, replaced: changed.length, removed: stale.length };
}

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.funding.count()) === 0;
}
