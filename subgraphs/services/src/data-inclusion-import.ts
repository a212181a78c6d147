import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { badInput, envInteger, envText, hubMode, recordAudit, requireAdmin } from "@ctg/kit";
import { DownloadError, downloadToFile, type DownloadPolicy } from "@ctg/data-inclusion/download";
import { importDataInclusion } from "@ctg/data-inclusion/import/index";
import { PartnersUnavailableError, remotePartnersStore } from "@ctg/data-inclusion/import/partners-store";
import { formatReport, type ImportReport } from "@ctg/data-inclusion/import/report";
import { InputError } from "@ctg/data-inclusion/json-file";
import { GraphQLError } from "graphql";
import type { Context } from "./context.ts";
import type { DataInclusionImportInput, DataInclusionImportReport } from "./generated/graphql.ts";

/**
 * `importDataInclusion`: the command line's import, run in this subgraph while the hub serves. The
 * services are written here; the partners' half goes to the partners subgraph through its internal
 * fields (the partners database is written only by the partners team's code), with the caller's
 * identity, so that both subgraphs check the caller is an ADMIN and both audit the run.
 */

/** Where data·inclusion publishes its files (data.gouv.fr resources redirect to static.data.gouv.fr). */
export const DEFAULT_IMPORT_ORIGINS = ["https://www.data.gouv.fr", "https://static.data.gouv.fr", "https://api.data.inclusion.beta.gouv.fr"];

type Env = Record<string, string | undefined>;

/**
 * CTG_IMPORT_ALLOWED_ORIGINS (comma-separated origins; in development any origin unless set),
 * CTG_IMPORT_MAX_BYTES [200 MB a file], CTG_IMPORT_TIMEOUT_SECONDS [300 for both downloads].
 */
export function downloadPolicy(env: Env = process.env): DownloadPolicy {
  const listed = envText(env, "CTG_IMPORT_ALLOWED_ORIGINS");
  const allowedOrigins = listed
    ? listed.split(",").map((o) => o.trim().replace(/\/+$/, "")).filter(Boolean)
    : hubMode(env) === "production"
      ? DEFAULT_IMPORT_ORIGINS
      : "any";
  return {
    allowedOrigins,
    maxBytes: envInteger(env, "CTG_IMPORT_MAX_BYTES", 200_000_000, 1),
    timeoutMs: envInteger(env, "CTG_IMPORT_TIMEOUT_SECONDS", 300, 1) * 1000,
  };
}

/** The partners subgraph, as the gateway reaches it (PARTNERS_URL), else where `npm start` runs it. */
const DEFAULT_PARTNERS_URL = "http://localhost:4001/graphql";

let running: { runId: string; startedAt: Date; by: string } | null = null;

export async function runDataInclusionImport(ctx: Context, input: DataInclusionImportInput, policy = downloadPolicy()): Promise<DataInclusionImportReport> {
  requireAdmin(ctx.identity, "import data·inclusion files");
  if (running) {
    const busy = running;
    throw new GraphQLError(`An import is already running (run ${busy.runId}, started at ${busy.startedAt.toISOString()} by ${busy.by}); try again when it ends.`, {
      extensions: { code: "CONFLICT", runId: busy.runId },
    });
  }
  const runId = `import-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`;
  running = { runId, startedAt: new Date(), by: ctx.identity.subject ?? ctx.identity.role };
  const dir = await mkdtemp(path.join(tmpdir(), "ctg-import-"));
  try {
    const files = { structures: path.join(dir, "structures.json"), services: path.join(dir, "services.json") };
    const urls = { structures: input.structuresUrl, services: input.servicesUrl };
    for (const what of ["structures", "services"] as const) {
      const argument = `input.${what}Url`;
      try {
        await downloadToFile(urls[what], files[what], policy);
      } catch (error) {
        if (error instanceof DownloadError) throw badInput(`${argument}: ${error.message}`, argument);
        throw error;
      }
    }
    const partners = remotePartnersStore({
      url: ctx.peers.urls.partners ?? DEFAULT_PARTNERS_URL,
      gatewaySecret: ctx.peers.secret ?? "",
      identity: ctx.identity,
      requestId: ctx.requestId,
      runId,
    });
    let report: ImportReport;
    try {
      ({ report } = await importDataInclusion(files, { partners, services: ctx.db }, { mode: input.mode === "LENIENT" ? "lenient" : "strict", dryRun: input.dryRun ?? false }));
    } catch (error) {
      if (error instanceof InputError) {
        const what = error.message.includes(files.structures) ? "structures" : "services";
        const message = error.message.replaceAll(files.structures, urls.structures).replaceAll(files.services, urls.services);
        throw badInput(`input.${what}Url: ${message}`, `input.${what}Url`);
      }
      if (error instanceof PartnersUnavailableError) throw new GraphQLError(error.message, { extensions: { code: "PARTNERS_UNAVAILABLE" } });
      throw error;
    }
    const { invalid: _, ...summary } = report;
    if (report.written) {
      await recordAudit(ctx.db.prisma, {
        entityType: "DataInclusionImport", entityId: runId, action: "IMPORT", outcome: "APPLIED", identity: ctx.identity, requestId: ctx.requestId,
        after: { ...summary, structuresUrl: urls.structures, servicesUrl: urls.services },
        message: `data·inclusion import: ${report.services.created} services created, ${report.services.updated} updated, ${report.services.archived} archived`,
      });
    }
    return toGraph(runId, report);
  } finally {
    running = null;
    await rm(dir, { recursive: true, force: true });
  }
}

function toGraph(runId: string, report: ImportReport): DataInclusionImportReport {
  return {
    ...report,
    runId,
    mode: report.mode === "lenient" ? "LENIENT" : "STRICT",
    invalid: report.invalid.map((r) => ({ ...r, file: r.file === "structures" ? "STRUCTURES" : "SERVICES" })),
    text: formatReport(report),
  };
}

