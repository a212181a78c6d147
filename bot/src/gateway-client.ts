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

const printed = new WeakMap<object, string>();

/** Sends the bot's typed operations to the gateway, with a deadline: never a hang, never a throw. */
export function createGatewayClient(url: string, options: { timeoutMs?: number; headers?: Record<string, string> } = {}): GatewayClient {
  const timeoutMs = options.timeoutMs ?? 5_000;
  return {
    async request(document, variables) {
      let query = printed.get(document);
      if (!query) {
        query = print(document);
        printed.set(document, query);
      }
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...options.headers },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = (await response.json().catch(() => null)) as { data?: unknown; errors?: { message: string }[] } | null;
        if (!body) return { data: null, failure: `gateway answered HTTP ${response.status} without JSON` };
        const failure = body.errors?.length ? body.errors.map((e) => e.message).join("; ") : null;
        return { data: (body.data ?? null) as never, failure };
      } catch (error) {
        return { data: null, failure: `gateway unreachable: ${(error as Error).message}` };
      }
    },
  };
}
