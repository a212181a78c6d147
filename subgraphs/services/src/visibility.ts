import { forbidden, maySeeRestricted, restrictedScope, type Identity } from "@ctg/kit";
import { Prisma } from "./generated/prisma/client.ts";
import type { ServiceStatus } from "./generated/graphql.ts";

/**
 * Who sees which services. PUBLISHED services are public; DRAFT and ARCHIVED ones are seen by
 * STAFF and ADMIN, and by the operating partner's editors — residents and the bot never see them.
 */
interface StatusColumns {
  draft: boolean;
  archivedAt: Date | null;
}

export function statusOf(row: StatusColumns): ServiceStatus {
  return row.archivedAt ? "ARCHIVED" : row.draft ? "DRAFT" : "PUBLISHED";
}

export function canSee(identity: Identity, row: StatusColumns & { operatorId: string }): boolean {
  return statusOf(row) === "PUBLISHED" || maySeeRestricted(identity, row.operatorId);
}

const STATUS_SQL: Record<ServiceStatus, Prisma.Sql> = {
  PUBLISHED: Prisma.sql`(s."archivedAt" IS NULL AND NOT s.draft)`,
  DRAFT: Prisma.sql`(s."archivedAt" IS NULL AND s.draft)`,
  ARCHIVED: Prisma.sql`(s."archivedAt" IS NOT NULL)`,
};

export const PUBLISHED_SQL = STATUS_SQL.PUBLISHED;

/** The statuses asked for (PUBLISHED by default), refusing restricted ones to callers who see none. */
export function requestedStatuses(identity: Identity, statuses: readonly ServiceStatus[] | null | undefined): ServiceStatus[] {
  const wanted = statuses?.length ? [...new Set(statuses)] : (["PUBLISHED"] as ServiceStatus[]);
  if (wanted.some((s) => s !== "PUBLISHED") && restrictedScope(identity) === "none") {
    throw forbidden("Draft and archived services are seen only by partner staff, the operating partner's editors and administrators: send a token, or ask for PUBLISHED services.");
  }
  return wanted;
}

/** The SQL condition for `statuses` as the caller may see them (editors: their own partner's drafts and archives). */
export function statusCondition(identity: Identity, statuses: readonly ServiceStatus[] | null | undefined): Prisma.Sql {
  const scope = restrictedScope(identity);
  const parts = requestedStatuses(identity, statuses).map((status) =>
    status === "PUBLISHED" || scope === "all" || scope === "none" ? STATUS_SQL[status] : Prisma.sql`(${STATUS_SQL[status]} AND s."operatorId" = ${scope.partnerId})`,
  );
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}
