import { GraphQLError } from "graphql";

/** An input the caller can fix: `BAD_USER_INPUT` with the argument path that is wrong. */
export function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument } });
}

/**
 * The caller may not do this — e.g. a PARTNER_EDITOR changing another partner's data (check
 * `context.identity`): `FORBIDDEN`, whose message reaches the client in production too.
 */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

export const INSEE_CODE = /^(\d{5}|2[AB]\d{3})$/;

export function assertInseeCode(code: string, argument: string): void {
  if (!INSEE_CODE.test(code)) {
    throw badInput(`${argument} must be a 5-character INSEE code such as "62119" (got ${JSON.stringify(code)}).`, argument);
  }
}

export function assertRange(value: number | null | undefined, min: number, max: number, argument: string): void {
  if (value === null || value === undefined) return;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw badInput(`${argument} must be between ${min} and ${max} (got ${value}).`, argument);
  }
}

/** Bounds of `first` on every list: large pages are a denial of service, not a feature. */
export const MAX_PAGE_SIZE = 500;

export function assertPageSize(first: number | null | undefined, argument = "first"): number | undefined {
  if (first === null || first === undefined) return undefined;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput(`${argument} must be an integer between 0 and ${MAX_PAGE_SIZE} (got ${first}).`, argument);
  }
  return first;
}

/**
 * Database failures reach clients as one clear error, never as a driver's stack or SQL.
 * Apollo's `formatError` calls this for every error.
 */
export function maskInfrastructureError(
  formatted: { message: string; extensions?: Record<string, unknown> },
  error: unknown,
  service: string,
): { message: string; extensions?: Record<string, unknown> } {
  const code = formatted.extensions?.code;
  if (code && code !== "INTERNAL_SERVER_ERROR") return formatted;
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const text = String((original as Error)?.message ?? "");
  const name = String((original as Error)?.name ?? "");
  if (/ECONNREFUSED|ETIMEDOUT|ENOTFOUND|Connection terminated|connect|timeout|did not answer|PGlite is closed|closed/i.test(text) || name.startsWith("PrismaClient")) {
    return {
      message: `The ${service} database is unavailable; try again shortly.`,
      extensions: { code: "DATABASE_UNAVAILABLE", service },
    };
  }
  return { message: formatted.message, extensions: { ...formatted.extensions, service } };
}

/** The caller has no token and the operation needs one: `UNAUTHENTICATED`. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED" } });
}

/** No such record, or none the caller may see: `NOT_FOUND`. */
export function notFound(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "NOT_FOUND", argument } });
}

/**
 * Someone changed the record since the caller read it: `CONFLICT`, with both versions, so that a
 * client can read the record again, merge, and retry with the current version.
 */
export function conflict(message: string, details: { expectedVersion: number; currentVersion: number }): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "CONFLICT", ...details } });
}
