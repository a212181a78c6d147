import type { IncomingMessage } from "node:http";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import type { Fetcher } from "@apollo/utils.fetcher";
import { createHttpEdge, type ReadyCheck } from "@ctg/kit";
import { routingUrls } from "./supergraph.ts";

export interface GatewayContext {
  /** Request headers the subgraphs need later (identity, tracing). */
  forwarded: Record<string, string>;
}

/** Headers passed on to every subgraph request. */
export const FORWARDED_HEADERS = ["authorization", "traceparent", "tracestate", "x-request-id", "accept-language"] as const;

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]) {
    const forwarded: Record<string, string> = (context as Partial<GatewayContext>).forwarded ?? {};
    for (const [name, value] of Object.entries(forwarded)) request.http?.headers.set(name, value);
  }
}

async function subgraphReady(url: string, timeoutMs = 2_000): Promise<ReadyCheck> {
  const readyUrl = new URL("/ready", url).toString();
  try {
    const response = await fetch(readyUrl, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json().catch(() => ({}))) as { status?: string };
    return { ok: response.ok, detail: `${readyUrl}: ${body.status ?? response.status}` };
  } catch (error) {
    return { ok: false, detail: `${readyUrl}: ${(error as Error).message}` };
  }
}

/**
 * The gateway: the committed supergraph served by Apollo Gateway (no subgraph introspection at run
 * time). `/ready` is green when every subgraph says it is ready.
 */
export async function createGatewayServer(supergraphSdl: string) {
  const gateway = new ApolloGateway({
    supergraphSdl,
    // Node's own fetch (undici, keep-alive) costs less CPU per subgraph call than the default make-fetch-happen.
    buildService: ({ url }) => new ForwardingDataSource({ url, fetcher: fetch as unknown as Fetcher }),
  });
  const apollo = new ApolloServer<GatewayContext>({ gateway, includeStacktraceInErrorResponses: false, stopOnTerminationSignals: false });
  await apollo.start();
  const urls = routingUrls(supergraphSdl);
  const http = createHttpEdge<GatewayContext>({
    service: "gateway",
    apollo,
    context: async (req: IncomingMessage) => {
      const forwarded: Record<string, string> = {};
      for (const name of FORWARDED_HEADERS) {
        const value = req.headers[name];
        if (typeof value === "string") forwarded[name] = value;
      }
      return { forwarded };
    },
    readiness: async () => {
      const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await subgraphReady(url)] as const));
      return Object.fromEntries(entries);
    },
  });
  return { apollo, http };
}
