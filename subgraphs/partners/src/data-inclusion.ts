import { badInput, recordAudit, requireAdmin } from "@ctg/kit";
import { BULK_TRANSACTION, chunks, dateText, insertRows, textColumn, timestampText, type Column } from "@ctg/kit/bulk-insert";
import type { Context } from "./context.ts";
import type { Prisma, PrismaClient, PartnerKind } from "./generated/prisma/client.ts";

/**
 * The partners team's half of a data·inclusion import (packages/data-inclusion): the partners a
 * structure may match, and the writes an import plans — new partners from structures, updates of
 * the partners it created before, archives of those whose structure left its file. The importer
 * runs it in-process (command line) or through this subgraph's internal fields (the graph's
 * `importDataInclusion`, run by the services subgraph), so the partners database is only ever
 * written by code that lives here.
 */

export const IMPORT_PARTNER_COLUMNS = {
  id: true, name: true, kind: true, aliases: true, siren: true, siret: true, website: true, phone: true, email: true,
  address: true, communeCode: true, originSource: true, originId: true, sourceUpdatedOn: true, archivedAt: true, updatedAt: true,
} as const satisfies Prisma.PartnerSelect;

export type ImportPartnerRow = Prisma.PartnerGetPayload<{ select: typeof IMPORT_PARTNER_COLUMNS }>;

/** What a data·inclusion structure says of a partner. */
export interface ImportedPartnerFields {
  name: string;
  kind: PartnerKind;
  siren: string | null;
  siret: string | null;
  website: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  communeCode: string | null;
}

export type ImportedPartner = ImportedPartnerFields & {
  id: string;
  aliases: string[];
  source: string;
  originSource: string;
  originId: string;
  sourceUpdatedOn: Date;
};

/** A partner as it was before an update: what an undo puts back. */
export type ImportedPartnerSnapshot = ImportedPartnerFields & { sourceUpdatedOn: Date | null; archivedAt: Date | null; updatedAt: Date };

export interface PartnerImportPlan {
  create: ImportedPartner[];
  update: { id: string; data: ImportedPartnerFields & { sourceUpdatedOn: Date; archivedAt: null }; previous: ImportedPartnerSnapshot }[];
  /** With the date of their last change, which archiving moves and an undo puts back. */
  archive: { id: string; updatedAt: Date }[];
  /** The archive date of this import. */
  now: Date;
}

const CHUNK = 1_000;


export async function loadImportPartners(prisma: PrismaClient): Promise<ImportPartnerRow[]> {
  return prisma.partner.findMany({ select: IMPORT_PARTNER_COLUMNS, orderBy: { id: "asc" } });
}

export async function existingPartnerIds(prisma: PrismaClient, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(ids, 10_000)) {
    for (const p of await prisma.partner.findMany({ where: { id: { in: part } }, select: { id: true } })) found.add(p.id);
  }
  return found;
}


function partnerColumns(now: Date): Column<ImportedPartner>[] {
  return [
    ...(["id", "name"] as const).map((name) => textColumn<ImportedPartner>(name)),
    { name: "kind", value: (p) => p.kind, cast: `"PartnerKind"` },
    { name: "aliases", sql: "'{}'::text[]" },
    ...(["siren", "siret", "website", "phone", "email", "address", "communeCode", "source", "originSource", "originId"] as const).map((name) => textColumn<ImportedPartner>(name)),
    { name: "sourceUpdatedOn", type: "date", value: (p) => dateText(p.sourceUpdatedOn) },
    { name: "updatedAt", type: "timestamp(3)", value: () => timestampText(now) },
  ];
}

/**
 * Writes the plan in one transaction, then reads the writes back: an adapter may report a failed
 * COMMIT as a success (pglite-prisma-adapter 0.6.1), and a commit is all or nothing, so finding
 * the writes proves it happened. An import moves the versions of what it changes, like an edit.
 */
export async function writeImportedPartners(prisma: PrismaClient, plan: PartnerImportPlan): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await insertRows(tx, "Partner", partnerColumns(plan.now), plan.create);
    for (const { id, data } of plan.update) await tx.partner.update({ where: { id }, data: { ...data, version: { increment: 1 } } });
    for (const ids of chunks(plan.archive.map((p) => p.id), CHUNK)) {
      await tx.partner.updateMany({ where: { id: { in: ids } }, data: { archivedAt: plan.now, version: { increment: 1 } } });
    }
  }, BULK_TRANSACTION);
  if (!(await partnersWereWritten(prisma, plan))) throw new Error("The partners database did not keep the import's changes (its commit failed).");
}

async function partnersWereWritten(prisma: PrismaClient, plan: PartnerImportPlan): Promise<boolean> {
  const { create, update, archive } = plan;
  let created = 0;
  for (const ids of chunks(create.map((p) => p.id), 10_000)) created += await prisma.partner.count({ where: { id: { in: ids } } });
  if (created !== create.length) return false;
  let archived = 0;
  for (const ids of chunks(archive.map((p) => p.id), 10_000)) archived += await prisma.partner.count({ where: { id: { in: ids }, archivedAt: plan.now } });
  if (archived !== archive.length) return false;
  const rows = await prisma.partner.findMany({ where: { id: { in: update.map((u) => u.id) } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return update.every(({ id, data }) => {
    const row = byId.get(id);
    return !!row && row.archivedAt === null && row.sourceUpdatedOn?.getTime() === data.sourceUpdatedOn.getTime() && row.name === data.name && row.phone === data.phone;
  });
}

/**
 * Puts the partners back as they were before `writeImportedPartners(plan)`, but for the versions:
 * they stay moved, so that a version number never names two different states of a record.
 */
export async function undoImportedPartners(prisma: PrismaClient, plan: PartnerImportPlan): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const ids of chunks(plan.create.map((p) => p.id), CHUNK)) await tx.partner.deleteMany({ where: { id: { in: ids } } });
    for (const { id, previous } of plan.update) await tx.partner.update({ where: { id }, data: previous });
    for (const { id, updatedAt } of plan.archive) await tx.partner.update({ where: { id }, data: { archivedAt: null, updatedAt } });
  }, BULK_TRANSACTION);
}

// ---------------------------------------------------------------------------------------------
// The same, as JSON: what travels between the services subgraph and this one.

const dateOrNull = (value: unknown, path: string): Date | null => {
  if (value === null || value === undefined) return null;
  const date = typeof value === "string" ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw badInput(`${path} must be an ISO date (got ${JSON.stringify(value)}).`, "plan");
  return date;
};
const date = (value: unknown, path: string): Date => {
  const parsed = dateOrNull(value, path);
  if (!parsed) throw badInput(`${path} is missing.`, "plan");
  return parsed;
};
const list = (value: unknown, path: string): Record<string, unknown>[] => {
  if (!Array.isArray(value) || value.some((v) => !v || typeof v !== "object")) throw badInput(`${path} must be a list of objects.`, "plan");
  return value as Record<string, unknown>[];
};

/** Reads a plan sent as JSON (dates as ISO strings), refusing one that does not have its shape. */
export function partnerImportPlanFromJson(json: unknown): PartnerImportPlan {
  if (!json || typeof json !== "object") throw badInput("plan must be a JSON object.", "plan");
  const raw = json as Record<string, unknown>;
  return {
    now: date(raw.now, "plan.now"),
    create: list(raw.create, "plan.create").map((p, i) => ({ ...(p as unknown as ImportedPartner), sourceUpdatedOn: date(p.sourceUpdatedOn, `plan.create[${i}].sourceUpdatedOn`) })),
    update: list(raw.update, "plan.update").map((u, i) => {
      const data = u.data as Record<string, unknown>;
      const previous = u.previous as Record<string, unknown>;
      if (typeof u.id !== "string" || !data || !previous) throw badInput(`plan.update[${i}] needs id, data and previous.`, "plan");
      return {
        id: u.id,
        data: { ...(data as unknown as ImportedPartnerFields), sourceUpdatedOn: date(data.sourceUpdatedOn, `plan.update[${i}].data.sourceUpdatedOn`), archivedAt: null },
        previous: {
          ...(previous as unknown as ImportedPartnerFields),
          sourceUpdatedOn: dateOrNull(previous.sourceUpdatedOn, `plan.update[${i}].previous.sourceUpdatedOn`),
          archivedAt: dateOrNull(previous.archivedAt, `plan.update[${i}].previous.archivedAt`),
          updatedAt: date(previous.updatedAt, `plan.update[${i}].previous.updatedAt`),
        },
      };
    }),
    archive: list(raw.archive, "plan.archive").map((a, i) => ({ id: String(a.id), updatedAt: date(a.updatedAt, `plan.archive[${i}].updatedAt`) })),
  };
}

/** Reads partner rows sent as JSON. */
export function importPartnerRowsFromJson(json: unknown): ImportPartnerRow[] {
  if (!Array.isArray(json)) throw new Error("The partners subgraph sent no list of partners.");
  return (json as Record<string, unknown>[]).map((r, i) => ({
    ...(r as unknown as ImportPartnerRow),
    sourceUpdatedOn: dateOrNull(r.sourceUpdatedOn, `partners[${i}].sourceUpdatedOn`),
    archivedAt: dateOrNull(r.archivedAt, `partners[${i}].archivedAt`),
    updatedAt: date(r.updatedAt, `partners[${i}].updatedAt`),
  }));
}

// ---------------------------------------------------------------------------------------------
// The internal fields (schema.graphql, @inaccessible): ADMIN only, each write audited.

const IMPORT_ENTITY = "DataInclusionImport";
const RUN_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function checkRunId(runId: string): string {
  if (!RUN_ID.test(runId)) throw badInput(`runId must be 1 to 128 letters, digits or ._:- (got ${JSON.stringify(runId)}).`, "runId");
  return runId;
}

const counts = (plan: PartnerImportPlan) => ({
  created: plan.create.map((p) => p.id),
  updated: plan.update.map((u) => u.id),
  archived: plan.archive.map((a) => a.id),
});

/** Writes (or undoes) the partners' half of import run `runId`, then leaves it in the audit trail. */
async function writeRun(ctx: Context, runId: string, json: unknown, step: "apply" | "undo"): Promise<true> {
  requireAdmin(ctx.identity, "import data·inclusion files");
  const entityId = checkRunId(runId);
  const plan = partnerImportPlanFromJson(json);
  await (step === "apply" ? writeImportedPartners : undoImportedPartners)(ctx.db.prisma, plan);
  const base = { entityType: IMPORT_ENTITY, entityId, action: "IMPORT", outcome: "APPLIED", identity: ctx.identity, requestId: ctx.requestId } as const;
  await recordAudit(
    ctx.db.prisma,
    step === "apply"
      ? { ...base, after: counts(plan), message: `data·inclusion import: ${plan.create.length} partners created, ${plan.update.length} updated, ${plan.archive.length} archived` }
      : { ...base, before: counts(plan), message: "data·inclusion import undone: the services' half of the run failed, the partners are back as they were" },
  );
  return true;
}

export const dataInclusionFields = {
  partners: async (ctx: Context) => {
    requireAdmin(ctx.identity, "import data·inclusion files");
    return loadImportPartners(ctx.db.prisma);
  },
  existing: async (ctx: Context, ids: readonly string[]) => {
    requireAdmin(ctx.identity, "import data·inclusion files");
    const found = await existingPartnerIds(ctx.db.prisma, ids);
    return ids.filter((id) => found.has(id));
  },
  apply: (ctx: Context, runId: string, json: unknown) => writeRun(ctx, runId, json, "apply"),
  undo: (ctx: Context, runId: string, json: unknown) => writeRun(ctx, runId, json, "undo"),
};
