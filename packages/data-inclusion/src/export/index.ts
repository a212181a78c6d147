import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Prisma } from "@ctg/subgraph-services/src/generated/prisma/client.ts";
import type { HubDatabases } from "../databases.ts";
import { JsonArrayWriter } from "../json-file.ts";
import { HUB_SOURCE } from "../vocabulary.ts";
import { problemsOf, serviceRecord, structureRecord } from "./records.ts";

export interface ExportOptions {
  /** Also publish the illustrative sample records (their descriptions then open with a notice saying so). */
  includeSample?: boolean;
  /** Also publish services imported from other producers: they are theirs to publish, so left out by default. */
  includeImported?: boolean;
}

export interface ExportReport {
  files: { structures: string; services: string };
  structures: number;
  services: number;
  left: { archived: number; drafts: number; sample: number; imported: number };
  /** Records the format's rules refuse, with the reason; not written. */
  unpublishable: { kind: "structure" | "service"; id: string; reason: string }[];
}

const BATCH = 1_000;

/**
 * Writes the hub's current services and their operators as data·inclusion v1 files
 * (`structures.json`, `services.json` in `outDir`), every record checked against the rules the
 * importer applies. Services are read and written in batches: memory does not grow with their number.
 */
export async function exportDataInclusion(dbs: HubDatabases, outDir: string, options: ExportOptions = {}): Promise<ExportReport> {
  await mkdir(outDir, { recursive: true });
  const files = { structures: path.join(outDir, "structures.json"), services: path.join(outDir, "services.json") };
  const where: Prisma.ServiceWhereInput = {
    archivedAt: null,
    draft: false,
    ...(options.includeSample ? {} : { NOT: { source: { startsWith: "sample:" } } }),
    ...(options.includeImported ? {} : { OR: [{ originSource: null }, { originSource: HUB_SOURCE }] }),
  };
  const prisma = dbs.services.prisma;
  const count = (extra: Prisma.ServiceWhereInput) => prisma.service.count({ where: { archivedAt: null, draft: false, ...extra } });
  const report: ExportReport = {
    files,
    structures: 0,
    services: 0,
    left: {
      archived: await prisma.service.count({ where: { archivedAt: { not: null } } }),
      drafts: await prisma.service.count({ where: { archivedAt: null, draft: true } }),
      sample: options.includeSample ? 0 : await count({ source: { startsWith: "sample:" } }),
      imported: options.includeImported ? 0 : await count({ originSource: { not: null }, NOT: { originSource: HUB_SOURCE } }),
    },
    unpublishable: [],
  };

  const operatorIds = (await prisma.service.findMany({ where, distinct: ["operatorId"], select: { operatorId: true } })).map((s) => s.operatorId);
  const operators = await dbs.partners.prisma.partner.findMany({ where: { id: { in: operatorIds } }, orderBy: { id: "asc" } });
  const structures = new JsonArrayWriter(files.structures);
  const publishedOperators = new Set<string>();
  for (const partner of operators) {
    const record = structureRecord(partner);
    if (!record.ok) {
      report.unpublishable.push({ kind: "structure", id: partner.id, reason: problemsOf(record) });
      continue;
    }
    await structures.write(record.record);
    publishedOperators.add(partner.id);
  }
  report.structures = await structures.close();

  const services = new JsonArrayWriter(files.services);
  let cursor: string | undefined;
  for (;;) {
    const batch = await prisma.service.findMany({
      where,
      include: { area: { select: { communeCode: true } } },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    if (!batch.length) break;
    cursor = batch[batch.length - 1].id;
    for (const row of batch) {
      if (!publishedOperators.has(row.operatorId)) {
        report.unpublishable.push({ kind: "service", id: row.id, reason: `structure_id: its operator « ${row.operatorId} » could not be published` });
        continue;
      }
      const record = serviceRecord({ ...row, area: row.area.map((a) => a.communeCode).sort() });
      if (!record.ok) {
        report.unpublishable.push({ kind: "service", id: row.id, reason: problemsOf(record) });
        continue;
      }
      await services.write(record.record);
    }
  }
  report.services = await services.close();
  return report;
}

export function formatExportReport(report: ExportReport): string {
  const lines = [
    `data·inclusion export: ${report.structures} structures → ${report.files.structures}, ${report.services} services → ${report.files.services}.`,
    `  left out: ${report.left.archived} archived services, ${report.left.drafts} drafts, ${report.left.sample} sample services (--include-sample to publish them), ${report.left.imported} services imported from other producers (--include-imported)`,
  ];
  if (report.unpublishable.length) {
    lines.push(`  not publishable (${report.unpublishable.length}):`, ...report.unpublishable.map((u) => `    ${u.kind} ${u.id}: ${u.reason}`));
  }
  return lines.join("\n");
}
