import type { GraphQLFormattedError } from "graphql";
import { currentRequest } from "@ctg/kit";
import { countTokens } from "./limits.ts";

/**
 * Errors a client can act on keep their message in production; every other error becomes
 * « Internal server error », logged with the request id that the client also gets.
 */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "OPERATION_NOT_SAFELISTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

const TOKEN_LIMIT = /Document contains more that (\d+) tokens/;

/** graphql-js words the token limit oddly and without the count: say both. */
function tokenLimitMessage(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const match = TOKEN_LIMIT.exec(formatted.message);
  if (!match) return formatted;
  const max = Number(match[1]);
  const query = currentRequest()?.query;
  const actual = query ? countTokens(query) : undefined;
  const count = actual !== undefined ? `${actual} tokens` : `more than ${max} tokens`;
  return {
    ...formatted,
    message: `The operation has ${count}; the gateway parses at most ${max} (CTG_MAX_TOKENS).`,
    extensions: { ...formatted.extensions, limit: "tokens", max, ...(actual !== undefined ? { actual } : {}) },
  };
}

export function createErrorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const requestId = currentRequest()?.requestId;
    const code = formatted.extensions?.code;
    const shown = tokenLimitMessage(formatted);
    if (!production || (typeof code === "string" && CLIENT_ERROR_CODES.has(code))) {
      return { ...shown, extensions: { ...shown.extensions, requestId } };
    }
    const original = (error as { originalError?: Error })?.originalError ?? error;
    console.error(`gateway request ${requestId ?? "-"}: ${String(code ?? "error")} ${formatted.message}`, (original as Error)?.stack ?? "");
    return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR", requestId } };
  };
}
