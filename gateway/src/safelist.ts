import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { HttpError, type EdgeRequest, type HubMode, type Identity, type OperationText } from "@ctg/kit";

/**
 * The bot's operations (`bot/src/operations/*.graphql`), as `pnpm generate` writes them with their
 * SHA-256 (codegen's persisted documents): the only operations the bot's client may run in production.
 */
export type Safelist = ReadonlyMap<string, string>;

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

/** Codegen writes `sha256:<hex>`; Apollo's persisted-query protocol sends the bare hex. */
export const bareHash = (hash: string) => hash.replace(/^sha256:/i, "").toLowerCase();

/** Reads the generated hash → text file; an entry whose hash is not its text's SHA-256 is an error. */
export function loadSafelist(file: string): Safelist {
  if (!existsSync(file)) return new Map();
  const safelist = new Map<string, string>();
  for (const [key, text] of Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>)) {
    const hash = bareHash(key);
    if (sha256Hex(text) !== hash) throw new Error(`${file}: the entry ${key} is not the SHA-256 of its operation; regenerate it with \`pnpm generate\`.`);
    safelist.set(hash, text);
  }
  return safelist;
}

export interface OperationGateOptions {
  safelist: Safelist;
  mode: HubMode;
  anonymousOperations: "safelist" | "open";
  botClientName: string;
}

export interface GateContext {
  identity: Identity;
  clientName: string | null;
}

/**
 * Which operation texts run (README, « Safelisted operations »):
 * - a safelisted operation runs for anyone, named by its hash (`extensions.persistedQuery.sha256Hash`,
 *   the text is then taken from the safelist) or sent in full;
 * - in development mode, any other operation runs too;
 * - in production mode, other operations run only for a caller with a token (STAFF,
 *   PARTNER_EDITOR, ADMIN) that is not the bot's client; with CTG_ANONYMOUS_OPERATIONS=open, for
 *   callers without a token too. The bot's client (`apollographql-client-name: ctg-bot`) runs
 *   safelisted operations only.
 * Every operation is held to the same limits.
 */
export function createOperationGate(options: OperationGateOptions) {
  const production = options.mode === "production";
  // Each entry's hash was checked against its text on loading: a text is safelisted exactly when it
  // is one of these, so a request's text is looked up as it is, not hashed again.
  const safelistedTexts: ReadonlySet<string> = new Set(options.safelist.values());
  return (operation: OperationText, context: GateContext, _request: EdgeRequest): OperationText | void => {
    if (operation.persistedHash !== undefined) {
      const hash = bareHash(operation.persistedHash);
      const text = options.safelist.get(hash);
      if (text !== undefined) return { query: text, persistedHash: undefined };
      if (operation.query === undefined) {
        throw new HttpError(
          200,
          "PersistedQueryNotFound: no safelisted operation has this sha256Hash; send the operation's text too, or regenerate the safelist (`pnpm generate`).",
          "PERSISTED_QUERY_NOT_FOUND",
        );
      }
      if (sha256Hex(operation.query) !== hash) throw new HttpError(400, "The persistedQuery sha256Hash is not the SHA-256 of the query sent with it.", "BAD_REQUEST");
    }
    const text = operation.query;
    const resolved: OperationText = { query: text, persistedHash: undefined };
    if (!production || text === undefined) return resolved;
    if (safelistedTexts.has(text)) return resolved;
    const bot = context.clientName === options.botClientName;
    const tokenHolder = context.identity.role !== "RESIDENT";
    if (!bot && (tokenHolder || options.anonymousOperations === "open")) return resolved;
    throw new HttpError(
      403,
      bot
        ? `The bot's client (${options.botClientName}) may run its safelisted operations only; this operation is not one of them. Regenerate the safelist (\`pnpm generate\`) and redeploy the gateway with the bot.`
        : "In production, callers without a token may run safelisted operations only; send a bearer token to run an operation of your own.",
      "OPERATION_NOT_SAFELISTED",
    );
  };
}
