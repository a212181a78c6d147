/** What an import did, or would do (dry run), or refused to do (strict mode with invalid records). */
export type ImportMode = "strict" | "lenient";

export interface InvalidRecord {
  file: "structures" | "services";
  /** Position in its file, from 1. */
  index: number;
  id: string | null;
  reason: string;
}

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
}

export interface ImportReport {
  mode: ImportMode;
  dryRun: boolean;
  /** Whether the databases were changed. */
  written: boolean;
  read: { structures: number; services: number };
  /** `reused`: partners already in the hub (matched by SIRET, SIREN or name and commune) that now operate imported services. */
  partners: WriteCounts & { reused: number };
  services: WriteCounts;
  skipped: {
    /** Services located outside the 100 communes. */
    outsideTerritory: number;
    /** Services whose commune is unknown: neither they nor their structure give an INSEE or postal code. */
    withoutLocation: number;
    /** Services that fit none of the hub's service types (employment, food, housing…). */
    notAFamilyService: number;
    /** Services whose `date_maj` is older than the one the hub holds: the hub keeps its newer record. */
    olderThanStored: number;
    /** Structures offering no imported service. */
    structuresWithoutService: number;
  };
  /** Every invalid record, with the reason (at most MAX_LISTED_INVALID; `invalidCount` counts them all). */
  invalid: InvalidRecord[];
  invalidCount: number;
  durationMs: number;
}

export const MAX_LISTED_INVALID = 10_000;

const n = (value: number) => value.toLocaleString("en");

/** The report as staff read it at the end of `import:data-inclusion`. */
export function formatReport(report: ImportReport): string {
  const records = report.read.structures + report.read.services;
  const seconds = report.durationMs / 1000;
  const lines = [
    `data·inclusion import (${report.mode} mode${report.dryRun ? ", dry run" : ""}): ${n(report.read.structures)} structures and ${n(report.read.services)} services read in ${seconds.toFixed(1)} s (${n(Math.round(records / Math.max(seconds, 0.001)))} records/s).`,
    `  services  created ${n(report.services.created)}, updated ${n(report.services.updated)}, archived ${n(report.services.archived)}, unchanged ${n(report.services.unchanged)}`,
    `  partners  created ${n(report.partners.created)}, updated ${n(report.partners.updated)}, archived ${n(report.partners.archived)}, unchanged ${n(report.partners.unchanged)}, existing partners reused ${n(report.partners.reused)}`,
    `  skipped   ${n(report.skipped.outsideTerritory)} services outside the 100 communes, ${n(report.skipped.notAFamilyService)} not a family service, ${n(report.skipped.withoutLocation)} without a commune, ${n(report.skipped.olderThanStored)} older than the hub's copy; ${n(report.skipped.structuresWithoutService)} structures with no imported service`,
    `  invalid   ${n(report.invalidCount)} records${report.invalidCount ? ":" : ""}`,
    ...report.invalid.map((r) => `    ${r.file} #${r.index}${r.id ? ` (${r.id})` : ""}: ${r.reason}`),
  ];
  if (report.invalidCount > report.invalid.length) lines.push(`    … and ${n(report.invalidCount - report.invalid.length)} more`);
  if (report.dryRun) lines.push("Dry run: nothing was written.");
  else if (!report.written && report.mode === "strict" && report.invalidCount) lines.push("Strict mode: nothing was written. Fix the records above, or import with --lenient to skip them.");
  else if (!report.written) lines.push("Nothing to change: the hub already holds these records.");
  return lines.join("\n");
}
