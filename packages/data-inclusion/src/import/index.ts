import { checkJsonArrayFile } from "../json-file.ts";
import { silentProgress, type Progress } from "../progress.ts";
import { applyPlan, partnersStoreOf, type ImportDatabases } from "./apply.ts";
import { knownStructureKeys, planImport, type ImportPlan } from "./plan.ts";
import { readFiles } from "./read.ts";
import type { ImportMode, ImportReport } from "./report.ts";
import { resolveContents } from "./resolve.ts";

export interface ImportFiles {
  structures: string;
  services: string;
}

export interface ImportOptions {
  /** strict (default): one invalid record and nothing is written. lenient: invalid records are skipped and reported. */
  mode?: ImportMode;
  /** Work everything out and report it, write nothing. */
  dryRun?: boolean;
  progress?: Progress;
}

/** Checks the two files' shape before anything else is opened or read. */
export async function checkImportFiles(files: ImportFiles): Promise<void> {
  await checkJsonArrayFile(files.structures, "structures");
  await checkJsonArrayFile(files.services, "services");
}

/**
 * Imports data·inclusion v1 structures and services into the partners and services databases:
 * read and validate (streaming), resolve (types, communes, areas), plan against the databases,
 * then write everything in one go, or nothing.
 */
export async function importDataInclusion(files: ImportFiles, dbs: ImportDatabases, options: ImportOptions = {}): Promise<{ report: ImportReport; plan: ImportPlan | null }> {
  const started = performance.now();
  const mode = options.mode ?? "strict";
  const progress = options.progress ?? silentProgress;
  await checkImportFiles(files);

  const partnerRows = await partnersStoreOf(dbs.partners).load();
  const contents = await readFiles(files, { progress, knownStructureKeys: knownStructureKeys(partnerRows) });
  const resolution = resolveContents(contents);
  const refused = mode === "strict" && contents.invalidCount > 0;
  const plan = refused ? null : await planImport(dbs, partnerRows, resolution, contents);
  const changes = plan
    ? plan.partners.create.length + plan.partners.update.length + plan.partners.archive.length + plan.services.create.length + plan.services.update.length + plan.services.archive.length
    : 0;
  let written = false;
  if (plan && changes && !options.dryRun) {
    progress.phase("writing");
    progress.update(0, 1, changes);
    await applyPlan(plan, dbs);
    progress.update(1, 1, changes);
    progress.done();
    written = true;
  }

  const report: ImportReport = {
    mode,
    dryRun: !!options.dryRun,
    written,
    read: contents.read,
    partners: {
      created: plan?.partners.create.length ?? 0,
      updated: plan?.partners.update.length ?? 0,
      unchanged: plan?.partners.unchanged ?? 0,
      archived: plan?.partners.archive.length ?? 0,
      reused: plan?.partners.reused ?? 0,
    },
    services: {
      created: plan?.services.create.length ?? 0,
      updated: plan?.services.update.length ?? 0,
      unchanged: plan?.services.unchanged ?? 0,
      archived: plan?.services.archive.length ?? 0,
    },
    skipped: {
      outsideTerritory: contents.outsideTerritory + resolution.outsideTerritory,
      withoutLocation: resolution.withoutLocation,
      notAFamilyService: resolution.notAFamilyService,
      olderThanStored: plan?.services.olderThanStored ?? 0,
      structuresWithoutService: contents.structuresWithoutService + (contents.structures.size - resolution.structures.size),
    },
    invalid: [...contents.invalid].sort((a, b) => (a.file === b.file ? a.index - b.index : a.file === "structures" ? -1 : 1)),
    invalidCount: contents.invalidCount,
    durationMs: Math.round(performance.now() - started),
  };
  return { report, plan };
}
