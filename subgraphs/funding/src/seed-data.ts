import { chunks } from "@ctg/kit/bulk-insert";
import { sampleTerritory, type FundingRecord, type SampleOptions } from "@ctg/territory-data";
import type { PrismaClient } from "./generated/prisma/client.ts";

/** Sample lines are recognised by their source; other lines (real data) are never touched by the seed. */
const SAMPLE_PREFIX = "sample:";
const CHUNK = 2_000;
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

export interface SeedReport {
  /** Lines in the sample. */
  lines: number;
  /** Sample lines the database did not have. */
  inserted: number;
  /** Lines at version 1 that differed from the sample (changed behind the hub's back), put back as sampled. */
  replaced: number;
  /** Lines at version 1 of another sample (another scale or seed), deleted. */
  removed: number;
  /** Sample lines corrected in the hub since they were seeded (version above 1): left exactly as they are. */
  kept: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The line `pnpm seed` prints. */
export function seedSummary(report: SeedReport): string {
  return `${report.lines} funding lines: ${report.inserted} inserted, ${report.replaced} replaced, ${report.removed} removed, kept ${plural(report.kept, "record", "records")} edited in the hub`;
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
 *
 * Only lines still at version 1 (never corrected through the graph) are replaced or removed: a line
 * corrected in the hub (version above 1) is left exactly as it is, with its version and audit trail,
 * and counted as kept. Lines recorded in the hub (`source` « ctg-hub:… ») and real data are not
 * sample lines: the seed never reads, changes nor deletes them.
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
  let kept = 0;
  for (const record of records) {
    const row = storedById.get(record.id);
    if (!row) missing.push(record);
    else if (row.version > 1) kept++;
    else if (!sameLine(row, record)) changed.push(record);
  }
  const stale: string[] = [];
  for (const row of stored) {
    if (wanted.has(row.id)) continue;
    if (row.version > 1) kept++;
    else stale.push(row.id);
  }
  const toDelete = [...stale, ...changed.map((r) => r.id)];
  const toInsert = [...missing, ...changed];
  const report = { lines: records.length, inserted: missing.length, replaced: changed.length, removed: stale.length, kept };
  if (toDelete.length + toInsert.length === 0) return report;

  // One transaction, so the graph never serves half a bonus territoire; a large scale takes longer than Prisma's 5 s default.
  await prisma.$transaction(
    async (tx) => {
      // `version: 1` again at the write: a line corrected since it was read above is neither deleted
      // nor, being still there, inserted again (skipDuplicates).
      for (const ids of chunks(toDelete, CHUNK)) await tx.funding.deleteMany({ where: { id: { in: ids }, version: 1 } });
      for (const data of chunks(toInsert, CHUNK)) await tx.funding.createMany({ data, skipDuplicates: true });
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
  );
  return report;
}

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.funding.count()) === 0;
}
