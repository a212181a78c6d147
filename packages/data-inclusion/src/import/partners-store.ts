import { chunks } from "@ctg/kit/bulk-insert";
import { GATEWAY_SECRET_HEADER, IDENTITY_HEADER, REQUEST_ID_HEADER, encodeIdentity, type Identity } from "@ctg/kit";
import {
  existingPartnerIds,
  importPartnerRowsFromJson,
  loadImportPartners,
  undoImportedPartners,
  writeImportedPartners,
  type ImportPartnerRow,
  type PartnerImportPlan,
} from "@ctg/subgraph-partners/src/data-inclusion.ts";
import type { PartnersDb } from "../databases.ts";

/**
 * Where an import finds and writes partners. The partners team's code does the work
 * (subgraphs/partners/src/data-inclusion.ts): in this process on its database (the command line),
 * or in the partners subgraph through its internal fields (the graph's `importDataInclusion`,
 * which runs in the services subgraph while the hub serves).
 */
export interface PartnersStore {
  load(): Promise<ImportPartnerRow[]>;
  /** Writes the partners' half of a plan in one transaction, confirmed by reading it back. */
  write(plan: PartnerImportPlan): Promise<void>;
  /** Undoes `write(plan)`. */
  undo(plan: PartnerImportPlan): Promise<void>;
  /** Of these ids, the partners that exist. */
  existing(ids: readonly string[]): Promise<Set<string>>;
}

export function localPartnersStore(db: PartnersDb): PartnersStore {
  return {
    load: () => loadImportPartners(db.prisma),
    write: (plan) => writeImportedPartners(db.prisma, plan),
    undo: (plan) => undoImportedPartners(db.prisma, plan),
    existing: (ids) => existingPartnerIds(db.prisma, ids),
  };
}

export const isPartnersStore = (value: PartnersDb | PartnersStore): value is PartnersStore => typeof (value as PartnersStore).load === "function";

export interface RemotePartnersOptions {
  /** The partners subgraph's /graphql. */
  url: string;
  /** The gateway's secret, which the partners subgraph requires. */
  gatewaySecret: string;
  /** Who runs the import: the partners subgraph checks it again. */
  identity: Identity;
  requestId: string | null;
  /** The import run, named in both subgraphs' audit trails. */
  runId: string;
  timeoutMs?: number;
}

/** Thrown when the partners subgraph refuses or cannot be reached: the message says which. */
export class PartnersUnavailableError extends Error {
  override name = "PartnersUnavailableError";
}

export function remotePartnersStore(options: RemotePartnersOptions): PartnersStore {
  async function call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [GATEWAY_SECRET_HEADER]: options.gatewaySecret,
          [IDENTITY_HEADER]: encodeIdentity(options.identity),
          ...(options.requestId ? { [REQUEST_ID_HEADER]: options.requestId } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10 * 60_000),
      });
    } catch (error) {
      throw new PartnersUnavailableError(`The partners subgraph at ${options.url} did not answer (${(error as Error).message}).`, { cause: error });
    }
    const text = await response.text();
    let body: { data?: T; errors?: { message: string }[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new PartnersUnavailableError(`The partners subgraph answered ${response.status} without GraphQL: ${text.slice(0, 200)}`);
    }
    if (body.errors?.length || !body.data) {
      throw new PartnersUnavailableError(`The partners subgraph refused: ${body.errors?.map((e) => e.message).join("; ") ?? `HTTP ${response.status}`}`);
    }
    return body.data;
  }
  return {
    load: async () => importPartnerRowsFromJson((await call<{ dataInclusionImportPartners: unknown }>("{ dataInclusionImportPartners }", {})).dataInclusionImportPartners),
    write: async (plan) => {
      await call("mutation($runId: ID!, $plan: JSON!) { applyDataInclusionImport(runId: $runId, plan: $plan) }", { runId: options.runId, plan });
    },
    undo: async (plan) => {
      await call("mutation($runId: ID!, $plan: JSON!) { undoDataInclusionImport(runId: $runId, plan: $plan) }", { runId: options.runId, plan });
    },
    existing: async (ids) => {
      const found = new Set<string>();
      for (const part of chunks(ids, 5_000)) {
        for (const id of (await call<{ dataInclusionExistingPartners: string[] }>("query($ids: [ID!]!) { dataInclusionExistingPartners(ids: $ids) }", { ids: part })).dataInclusionExistingPartners) found.add(id);
      }
      return found;
    },
  };
}
