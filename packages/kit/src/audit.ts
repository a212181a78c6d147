import { GraphQLError } from "graphql";
import { requireAdmin } from "./access.ts";
import { assertPageSize, badInput, conflict } from "./errors.ts";
import type { Identity, Role } from "./identity.ts";

/**
 * The audit trail every subgraph keeps in its own database (model `AuditEntry`, the same in the
 * four Prisma schemas): each change and each refused attempt — who, when, the version before and
 * after, the record before and after (for a refused attempt: what was attempted). Read by ADMIN.
 */
export type AuditAction = "CREATE" | "UPDATE" | "ARCHIVE" | "IMPORT";
export type AuditOutcome = "APPLIED" | "CONFLICT" | "FORBIDDEN";

export interface AuditEvent {
  entityType: string;
  entityId: string;
  action: AuditAction;
  outcome: AuditOutcome;
  identity: Identity;
  requestId: string | null;
  versionBefore?: number | null;
  versionAfter?: number | null;
  before?: unknown;
  after?: unknown;
  message?: string | null;
}

export interface AuditRow {
  id: number;
  at: Date;
  entityType: string;
  entityId: string;
  action: AuditAction;
  outcome: AuditOutcome;
  actorRole: Role;
  actorPartnerId: string | null;
  actorSubject: string | null;
  requestId: string | null;
  versionBefore: number | null;
  versionAfter: number | null;
  before: unknown;
  after: unknown;
  message: string | null;
}

/**
 * What the audit needs of a subgraph's Prisma client (or of a transaction on it). Prisma's own
 * delegate types are generic per schema: the arguments are loosened here, the rows typed on reading.
 */
export interface AuditClient {
  auditEntry: {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    create(args: any): Promise<unknown>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    findMany(args: any): Promise<unknown[]>;
  };
}

/** A record as plain JSON: dates as ISO strings, Prisma Decimals as strings. */
export function snapshot(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

function auditData(event: AuditEvent): Record<string, unknown> {
  const data: Record<string, unknown> = {
    entityType: event.entityType,
    entityId: event.entityId,
    action: event.action,
    outcome: event.outcome,
    actorRole: event.identity.role,
    actorPartnerId: event.identity.partnerId,
    actorSubject: event.identity.subject,
    requestId: event.requestId,
    versionBefore: event.versionBefore ?? null,
    versionAfter: event.versionAfter ?? null,
    message: event.message ?? null,
  };
  // A JSON column takes no plain null in Prisma: an absent side is left out (stored as SQL NULL).
  const before = snapshot(event.before);
  const after = snapshot(event.after);
  if (before !== null) data.before = before;
  if (after !== null) data.after = after;
  return data;
}

export async function recordAudit(client: AuditClient, event: AuditEvent): Promise<void> {
  await client.auditEntry.create({ data: auditData(event) });
}

export interface AuditQuery {
  entityId?: string | null;
  since?: Date | string | null;
  first?: number | null;
  /** The id of the last entry of the previous page (« services:42 »): the next page is older. */
  before?: string | null;
}

/** The audit trail of some entity types, newest first, by pages: ADMIN only. */
export async function readAudit(client: AuditClient, identity: Identity, subgraph: string, entityTypes: readonly string[], query: AuditQuery): Promise<AuditRow[]> {
  requireAdmin(identity, "read the audit trail");
  const take = assertPageSize(query.first) ?? 50;
  const where: Record<string, unknown> = { entityType: { in: [...entityTypes] } };
  if (query.entityId) where.entityId = query.entityId;
  if (query.since) where.at = { gte: new Date(query.since) };
  if (query.before) {
    const match = new RegExp(`^${subgraph}:(\\d{1,15})$`).exec(query.before);
    if (!match) throw badInput(`before must be the id of an entry of this trail, such as "${subgraph}:42" (got ${JSON.stringify(query.before)}).`, "before");
    where.id = { lt: Number(match[1]) };
  }
  return (await client.auditEntry.findMany({ where, orderBy: { id: "desc" }, take })) as AuditRow[];
}

/** Resolvers of the shared `AuditEntry` type; ids are prefixed with the subgraph, unique across the hub. */
export function auditEntryResolvers(subgraph: string) {
  return {
    id: (row: AuditRow) => `${subgraph}:${row.id}`,
    actor: (row: AuditRow) => ({ role: row.actorRole, partnerId: row.actorPartnerId, subject: row.actorSubject }),
  };
}

// ---------------------------------------------------------------------------------------------
// Changes with a version precondition.

/**
 * A client that runs interactive transactions: any subgraph's PrismaClient. The transaction's type
 * is the one the caller's `write` declares (`Prisma.TransactionClient` of its schema).
 */
export interface TransactionalClient extends AuditClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  $transaction(fn: (tx: any) => Promise<any>): Promise<any>;
}

/** The transaction client a PrismaClient hands to `$transaction(async (tx) => …)`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TransactionOf<C> = C extends { $transaction(fn: (tx: infer T) => Promise<any>, ...rest: any[]): any } ? T : never;

interface ChangeBase {
  entityType: string;
  entityId: string;
  identity: Identity;
  requestId: string | null;
}

class VersionMoved extends Error {}

const isForbidden = (error: unknown) => error instanceof GraphQLError && error.extensions.code === "FORBIDDEN";

/**
 * Runs an authorisation check; a signed-in caller who is refused leaves a FORBIDDEN entry in the
 * audit trail (residents are refused before, without one: they carry no identity worth keeping).
 */
export async function authorizeAudited(client: AuditClient, change: ChangeBase & { action: AuditAction; attempted: unknown }, check: () => void): Promise<void> {
  try {
    check();
  } catch (error) {
    if (isForbidden(error) && change.identity.role !== "RESIDENT") {
      await recordAudit(client, { ...change, outcome: "FORBIDDEN", after: change.attempted, message: (error as Error).message });
    }
    throw error;
  }
}

/**
 * Changes a record only if it is still at `expectedVersion` (optimistic concurrency): `write` must
 * update with `WHERE version = expectedVersion`, increment the version and return the new row, or
 * null when no row matched. The change and its audit entry commit together; a stale version gets
 * CONFLICT and leaves a CONFLICT entry holding what was attempted, so no edit is lost silently.
 */
export async function changeVersioned<C extends TransactionalClient, Row extends { version: number }, Tx = TransactionOf<C>>(
  client: C,
  change: ChangeBase & {
    action: AuditAction;
    expectedVersion: number;
    current: Row;
    attempted: unknown;
    write: (tx: Tx) => Promise<Row | null>;
    reload: () => Promise<Row | null>;
  },
): Promise<Row> {
  const { current, expectedVersion } = change;
  try {
    if (current.version !== expectedVersion) throw new VersionMoved();
    return await client.$transaction(async (tx: Tx) => {
      const row = await change.write(tx);
      if (!row) throw new VersionMoved();
      await recordAudit(tx as AuditClient, { ...change, outcome: "APPLIED", versionBefore: expectedVersion, versionAfter: row.version, before: current, after: row });
      return row;
    });
  } catch (error) {
    if (!(error instanceof VersionMoved)) throw error;
    const latest = (await change.reload()) ?? current;
    const message = `${change.entityType} ${change.entityId} is at version ${latest.version}, not ${expectedVersion}: someone changed it since it was read. Read it again, reapply the change and send expectedVersion: ${latest.version}.`;
    await recordAudit(client, {
      ...change,
      outcome: "CONFLICT",
      versionBefore: latest.version,
      before: latest,
      after: change.attempted,
      message,
    });
    throw conflict(message, { expectedVersion, currentVersion: latest.version });
  }
}

/** Creates a record and its audit entry in one transaction. */
export async function createAudited<C extends TransactionalClient, Row extends { version: number }, Tx = TransactionOf<C>>(
  client: C,
  change: ChangeBase & { write: (tx: Tx) => Promise<Row> },
): Promise<Row> {
  return client.$transaction(async (tx: Tx) => {
    const row = await change.write(tx);
    await recordAudit(tx as AuditClient, { ...change, action: "CREATE", outcome: "APPLIED", versionAfter: row.version, after: row });
    return row;
  });
}
