import { assertPageSize, assertRange, badInput, MAX_PAGE_SIZE } from "@ctg/kit";
import type { FundingFilter, FundingMechanism } from "./generated/graphql.ts";
import { Prisma, type Funding, type PrismaClient } from "./generated/prisma/client.ts";

/** The years a funding may be for, in filters and in changes. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const LARGEST_FIRST: Prisma.FundingOrderByWithRelationInput[] = [{ amount: "desc" }, { id: "asc" }];

type Decimal = Prisma.Decimal;
const ZERO = new Prisma.Decimal(0);

/** A year argument as a filter: absent means every year; outside 2000–2100 is refused. */
export function checkYear(year: number | null | undefined, argument = "year"): number | undefined {
  assertRange(year, MIN_YEAR, MAX_YEAR, argument);
  return year ?? undefined;
}

function checkOffset(offset: number | null | undefined): number {
  if (offset === null || offset === undefined) return 0;
  if (!Number.isInteger(offset) || offset < 0) throw badInput(`offset must be a non-negative integer (got ${offset}).`, "offset");
  return offset;
}

function fundingWhere(filter: FundingFilter | null | undefined): Prisma.FundingWhereInput {
  if ((filter?.serviceIds?.length ?? 0) > MAX_PAGE_SIZE) {
    throw badInput(`filter.serviceIds takes at most ${MAX_PAGE_SIZE} ids (got ${filter?.serviceIds?.length}).`, "filter.serviceIds");
  }
  return {
    funderId: filter?.funderId ?? undefined,
    recipientId: filter?.recipientId ?? undefined,
    serviceId: filter?.serviceIds?.length ? { in: [...filter.serviceIds, ...(filter.serviceId ? [filter.serviceId] : [])] } : (filter?.serviceId ?? undefined),
    communeCode: filter?.communeCode ?? undefined,
    mechanism: filter?.mechanism ?? undefined,
    year: checkYear(filter?.year, "filter.year"),
  };
}

export async function listFundings(
  prisma: PrismaClient,
  { filter, first, offset }: { filter?: FundingFilter | null; first?: number | null; offset?: number | null },
): Promise<Funding[]> {
  const take = assertPageSize(first) ?? MAX_PAGE_SIZE;
  const skip = checkOffset(offset);
  return prisma.funding.findMany({ where: fundingWhere(filter), orderBy: LARGEST_FIRST, take, skip });
}

export async function totalFundings(prisma: PrismaClient, filter: FundingFilter | null | undefined): Promise<Decimal> {
  const { _sum } = await prisma.funding.aggregate({ where: fundingWhere(filter), _sum: { amount: true } });
  return _sum.amount ?? ZERO;
}

// Enough digits that a quotient is rounded to cents once, never twice.
const Exact = Prisma.Decimal.clone({ precision: 60, rounding: Prisma.Decimal.ROUND_HALF_UP });

/** `total ÷ population`, rounded half up to the cent; null when the population is unknown or zero. */
export function perInhabitant(total: Decimal, population: number | null | undefined): Decimal | null {
  if (!population || population <= 0) return null;
  return new Exact(total).div(population).toDecimalPlaces(2);
}

/**
 * Splits a batch of keys by their optional arguments: one OR branch per distinct set of arguments,
 * so a batch stays one statement however many keys and argument combinations it holds.
 */
function branches<K, Args>(keys: readonly K[], id: (key: K) => string, args: (key: K) => Args): { ids: string[]; args: Args }[] {
  const byArgs = new Map<string, { ids: string[]; args: Args }>();
  for (const key of keys) {
    const a = args(key);
    const signature = JSON.stringify(a);
    const branch = byArgs.get(signature) ?? { ids: [], args: a };
    branch.ids.push(id(key));
    byArgs.set(signature, branch);
  }
  return [...byArgs.values()];
}

export type ListKey = { id: string; year?: number };
export type ListColumn = "serviceId" | "funderId" | "recipientId";

/** Fundings of many services (or funders, or recipients), each optionally for one year, largest first. */
export async function fundingsOf(prisma: PrismaClient, column: ListColumn, keys: readonly ListKey[]): Promise<Funding[][]> {
  const rows = await prisma.funding.findMany({
    where: { OR: branches(keys, (k) => k.id, (k) => ({ year: k.year })).map(({ ids, args }) => ({ [column]: { in: ids }, ...args })) },
    orderBy: LARGEST_FIRST,
  });
  const byOwner = new Map<string, Funding[]>();
  for (const row of rows) {
    const owner = row[column];
    if (owner === null) continue;
    const list = byOwner.get(owner);
    if (list) list.push(row);
    else byOwner.set(owner, [row]);
  }
  return keys.map((k) => (byOwner.get(k.id) ?? []).filter((row) => k.year === undefined || row.year === k.year));
}

export async function fundingsByIds(prisma: PrismaClient, ids: readonly string[]): Promise<(Funding | null)[]> {
  const rows = await prisma.funding.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

export type ConventionTotalKey = { id: string; year?: number; mechanism?: FundingMechanism };

/** Sums paid under many conventions, each optionally for one year and one mechanism. */
export async function conventionTotals(prisma: PrismaClient, keys: readonly ConventionTotalKey[]): Promise<Decimal[]> {
  const groups = await prisma.funding.groupBy({
    by: ["conventionId", "year", "mechanism"],
    where: {
      OR: branches(keys, (k) => k.id, (k) => ({ year: k.year, mechanism: k.mechanism })).map(({ ids, args }) => ({ conventionId: { in: ids }, ...args })),
    },
    _sum: { amount: true },
  });
  return keys.map((k) =>
    groups
      .filter((g) => g.conventionId === k.id && (k.year === undefined || g.year === k.year) && (k.mechanism === undefined || g.mechanism === k.mechanism))
      .reduce((sum, g) => sum.plus(g._sum.amount ?? ZERO), ZERO),
  );
}

export type CommuneTotalKey = { code: string; year: number };

/** Sums of the fundings of actions in many communes, each for one year. */
export async function communeTotals(prisma: PrismaClient, keys: readonly CommuneTotalKey[]): Promise<Decimal[]> {
  const groups = await prisma.funding.groupBy({
    by: ["communeCode", "year"],
    where: { OR: branches(keys, (k) => k.code, (k) => ({ year: k.year })).map(({ ids, args }) => ({ communeCode: { in: ids }, ...args })) },
    _sum: { amount: true },
  });
  const totals = new Map(groups.map((g) => [`${g.communeCode}|${g.year}`, g._sum.amount ?? ZERO]));
  return keys.map((k) => totals.get(`${k.code}|${k.year}`) ?? ZERO);
}
