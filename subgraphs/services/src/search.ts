import { assertInseeCode, assertPageSize, assertRange, badInput, normalizeName, type Identity } from "@ctg/kit";
import { Prisma, type PrismaClient } from "./generated/prisma/client.ts";
import type { ServiceFilter } from "./generated/graphql.ts";
import type { ServiceRow } from "./rows.ts";
import { statusCondition } from "./visibility.ts";

export const MAX_RADIUS_KM = 100;
const DEFAULT_RADIUS_KM = 10;
const MAX_AGE_MONTHS = 1200;

/** The columns of a service row, enums as text, for raw queries. */
export const SERVICE_COLUMNS = Prisma.sql`s.id, s.name, s.type::text AS type, s.axis::text AS axis, s.description, s."operatorId",
  s."communeCode", s.address, s.lat, s.lon, s."ageMinMonths", s."ageMaxMonths", s.phone, s.email, s.website,
  s."openingHours", s.capacity, s.source, s."contactName", s."originSource", s."originId", s."sourceUpdatedOn",
  s."archivedAt", s.draft, s.version, s."createdAt", s."updatedAt"`;

/** Great-circle distance in km from a point to the service, in SQL (no extension needed). */
const distanceSql = (lat: number, lon: number) => Prisma.sql`(2 * 6371.0088 * asin(sqrt(
  power(sin(radians(s.lat - ${lat}) / 2), 2) +
  cos(radians(${lat})) * cos(radians(s.lat)) * power(sin(radians(s.lon - ${lon}) / 2), 2))))`;

/** « located in OR serving » a commune: the rule of ServiceFilter.communeCode and Commune.services. */
export const servesCommune = (code: Prisma.Sql | string) =>
  Prisma.sql`(s."communeCode" = ${code} OR s.id IN (SELECT a."serviceId" FROM "ServiceArea" a WHERE a."communeCode" = ${code}))`;

export const typeAndAxisFilter = (types?: readonly string[] | null, axes?: readonly string[] | null): Prisma.Sql[] => {
  const where: Prisma.Sql[] = [];
  if (types?.length) where.push(Prisma.sql`s.type::text IN (${Prisma.join(types)})`);
  if (axes?.length) where.push(Prisma.sql`s.axis::text IN (${Prisma.join(axes)})`);
  return where;
};

export interface ServicePage {
  rows: ServiceRow[];
  totalCount: number;
  offset: number;
}

function decodeCursor(after: string | null | undefined): number {
  if (!after) return 0;
  try {
    const offset = JSON.parse(Buffer.from(after, "base64url").toString("utf8")).o;
    if (Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw badInput(`after must be an endCursor returned by a previous page (got ${JSON.stringify(after)}).`, "after");
}

export const encodeCursor = (offset: number): string => Buffer.from(JSON.stringify({ o: offset })).toString("base64url");

function validate(filter: ServiceFilter): void {
  if (filter.communeCode != null) assertInseeCode(filter.communeCode, "filter.communeCode");
  assertRange(filter.ageMonths, 0, MAX_AGE_MONTHS, "filter.ageMonths");
  if (filter.ageMonths != null && !Number.isInteger(filter.ageMonths)) throw badInput("filter.ageMonths must be a whole number of months.", "filter.ageMonths");
  if (filter.near) {
    assertRange(filter.near.lat, -90, 90, "filter.near.lat");
    assertRange(filter.near.lon, -180, 180, "filter.near.lon");
    const radius = filter.near.radiusKm ?? DEFAULT_RADIUS_KM;
    if (!(radius > 0 && radius <= MAX_RADIUS_KM)) {
      throw badInput(`filter.near.radiusKm must be over 0 and at most ${MAX_RADIUS_KM} km (got ${radius}).`, "filter.near.radiusKm");
    }
  }
  if (filter.text != null && filter.text.length > 200) throw badInput("filter.text must be at most 200 characters.", "filter.text");
}

/**
 * The services(filter, first, after) query: one statement for the page and one for the count.
 * Order: by distance with `near`; else located in the commune before only serving it; then name.
 */
export async function searchServices(
  prisma: PrismaClient,
  identity: Identity,
  args: { filter?: ServiceFilter | null; first?: number | null; after?: string | null },
): Promise<ServicePage> {
  const filter = args.filter ?? {};
  validate(filter);
  const limit = assertPageSize(args.first) ?? 20;
  const offset = decodeCursor(args.after);

  const where: Prisma.Sql[] = [statusCondition(identity, filter.statuses), ...typeAndAxisFilter(filter.types, filter.axes)];
  if (filter.communeCode) where.push(servesCommune(filter.communeCode));
  if (filter.ageMonths != null) {
    where.push(Prisma.sql`(s."ageMinMonths" IS NULL OR s."ageMinMonths" <= ${filter.ageMonths})`);
    where.push(Prisma.sql`(s."ageMaxMonths" IS NULL OR s."ageMaxMonths" >= ${filter.ageMonths})`);
  }
  if (filter.operatorId) where.push(Prisma.sql`s."operatorId" = ${filter.operatorId}`);
  const text = normalizeName(filter.text ?? "");
  if (text) {
    where.push(Prisma.sql`lower(unaccent(s.name || ' ' || coalesce(s.description, ''))) LIKE ${`%${text.replace(/[%_\\]/g, "\\$&")}%`}`);
  }
  const near = filter.near;
  const distance = near ? distanceSql(near.lat, near.lon) : Prisma.sql`NULL::float8`;
  if (near) {
    where.push(Prisma.sql`s.lat IS NOT NULL AND s.lon IS NOT NULL`);
    where.push(Prisma.sql`${distance} <= ${near.radiusKm ?? DEFAULT_RADIUS_KM}`);
  }
  const whereSql = Prisma.join(where, " AND ");
  const order = near
    ? Prisma.sql`"distanceKm", s.name, s.id`
    : filter.communeCode
      ? Prisma.sql`(s."communeCode" = ${filter.communeCode}) DESC, s.name, s.id`
      : Prisma.sql`s.name, s.id`;

  // The total rides along on every row (a window over the whole filtered set): one statement a page.
  const rows = await prisma.$queryRaw<(ServiceRow & { totalCount: number })[]>`
    SELECT ${SERVICE_COLUMNS}, ${distance} AS "distanceKm", count(*) OVER ()::int AS "totalCount"
    FROM "Service" s WHERE ${whereSql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`;
  if (rows.length || offset === 0) return { rows: rows.map(({ totalCount: _, ...row }) => row), totalCount: rows[0]?.totalCount ?? 0, offset };
  // A page past the end has no row to carry the total.
  const count = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Service" s WHERE ${whereSql}`;
  return { rows: [], totalCount: count[0]?.n ?? 0, offset };
}
