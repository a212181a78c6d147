import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/** A GraphQL answer: data may be partial when one subgraph failed. */
export interface GraphResult<T> {
  data: T | null;
  /** Set when the gateway could not be reached, or one of the subgraphs did not answer. */
  failure: string | null;
}

export interface GatewayClient {
  request<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables: V): Promise<GraphResult<T>>;
}

/** How the bot's client names itself to the gateway, which holds it to the safelist in production. */
export const BOT_CLIENT_NAME = "ctg-bot";
const BOT_CLIENT_VERSION = "0.1.0";

interface Operation {
  /** SHA-256 of the operation's text, from codegen's persisted documents (`__meta__.hash`). */
  hash: string | undefined;
  text: string;
}

const operations = new WeakMap<object, Operation>();

function operationOf(document: object): Operation {
  let operation = operations.get(document);
  if (!operation) {
    const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
    operation = { hash: typeof hash === "string" ? hash.replace(/^sha256:/, "") : undefined, text: print(document as never) };
    operations.set(document, operation);
  }
  return operation;
}

interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Sends the bot's typed operations to the gateway as persisted operations (Apollo's protocol:
 * `extensions.persistedQuery.sha256Hash`, no text), with the text only if the gateway does not know
 * the hash; with a deadline: never a hang, never a throw.
 */
export function createGatewayClient(url: string, options: { timeoutMs?: number; headers?: Record<string, string> } = {}): GatewayClient {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const headers = {
    "content-type": "application/json",
    "apollographql-client-name": BOT_CLIENT_NAME,
    "apollographql-client-version": BOT_CLIENT_VERSION,
    ...options.headers,
  };

  async function post(body: Record<string, unknown>, signal: AbortSignal): Promise<{ status: number; body: GraphQLBody | null }> {
    const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body), signal });
    return { status: response.status, body: (await response.json().catch(() => null)) as GraphQLBody | null };
  }

  return {
    async request(document, variables) {
      const operation = operationOf(document);
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        let answer = operation.hash
          ? await post({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: operation.hash } } }, signal)
          : await post({ query: operation.text, variables }, signal);
        if (operation.hash && answer.body?.errors?.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")) {
          answer = await post({ query: operation.text, variables }, signal);
        }
        const body = answer.body;
        if (!body) return { data: null, failure: `gateway answered HTTP ${answer.status} without JSON` };
        const failure = body.errors?.length ? body.errors.map((e) => e.message).join("; ") : null;
        return { data: (body.data ?? null) as never, failure };
      } catch (error) {
        return { data: null, failure: `gateway unreachable: ${(error as Error).message}` };
      }
    },
  };
}
