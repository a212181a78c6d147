import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { Fetcher } from "@apollo/utils.fetcher";
import {
  createHttpEdge,
  describeRateLimit,
  encodeIdentity,
  GATEWAY_SECRET_HEADER,
  HttpError,
  IDENTITY_HEADER,
  RateLimiter,
  REQUEST_ID_HEADER,
  type EdgeRequest,
  type Identity,
  type ReadyCheck,
} from "@ctg/kit";
import { createAuthenticator } from "./auth.ts";
import { BOT_CLIENT_NAME, gatewayConfigFromEnv, type GatewayConfig } from "./config.ts";
import { createErrorFormatter } from "./errors.ts";
import { aliasLimit, costLimitPlugin, depthLimit } from "./limits.ts";
import { createOperationGate, loadSafelist } from "./safelist.ts";
import { routingUrls } from "./supergraph.ts";

export interface GatewayContext {
  /** Who is asking: RESIDENT without a token, else the verified token's role, partner and subject. */
  identity: Identity;
  requestId: string;
  /** `apollographql-client-name`, e.g. `ctg-bot` for the bot's client. */
  clientName: string | null;
  /** Request headers passed on to the subgraphs (tracing, language). */
  forwarded: Record<string, string>;
}

/**
 * Headers passed on to every subgraph request. The caller's `authorization` is not: the subgraphs
 * get the verified identity instead (`x-ctg-identity`, beside the gateway's secret).
 */
export const FORWARDED_HEADERS = ["traceparent", "tracestate", "accept-language"] as const;

class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly gatewaySecret: string | undefined,
  ) {
    super(options);
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]) {
    const headers = request.http?.headers;
    if (!headers) return;
    const ctx = context as Partial<GatewayContext>;
    for (const [name, value] of Object.entries(ctx.forwarded ?? {})) headers.set(name, value);
    if (ctx.requestId) headers.set(REQUEST_ID_HEADER, ctx.requestId);
    if (ctx.identity) headers.set(IDENTITY_HEADER, encodeIdentity(ctx.identity));
    if (this.gatewaySecret) headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
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

function header(edge: EdgeRequest, name: string): string | undefined {
  const value = edge.req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function rateLimited(retryAfterSeconds: number, what: string): HttpError {
  return new HttpError(429, `Too many requests from this client (${what}); retry in ${retryAfterSeconds} s.`, "RATE_LIMITED", { retryAfterSeconds }, {
    "retry-after": String(retryAfterSeconds),
  });
}

/**
 * The gateway: the committed supergraph served by Apollo Gateway (no subgraph introspection at run
 * time), behind the hub's hardened edge — verified tokens, limits, safelist, rate limits, CORS,
 * masked errors in production. `/ready` is green when every subgraph says it is ready.
 */
export async function createGatewayServer(supergraphSdl: string, config: GatewayConfig = gatewayConfigFromEnv()) {
  const production = config.mode === "production";
  // Apollo Gateway otherwise reports usage metrics to Apollo and probes cloud metadata endpoints
  // at construction: nothing leaves the hub unless someone opts in (APOLLO_TELEMETRY_DISABLED=false).
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const gateway = new ApolloGateway({
    supergraphSdl,
    // Node's own fetch (undici, keep-alive) costs less CPU per subgraph call than the default make-fetch-happen.
    buildService: ({ url }) => new ForwardingDataSource({ url, fetcher: fetch as unknown as Fetcher }, config.gatewaySecret),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    plugins: [
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      costLimitPlugin<GatewayContext>(config.limits.maxCost),
    ],
    validationRules: [depthLimit(config.limits.maxDepth), aliasLimit(config.limits.maxAliases)],
    parseOptions: { maxTokens: config.limits.maxTokens },
    // Persisted operations are the safelist's business (safelist.ts), not an open registration cache.
    persistedQueries: false,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(production),
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const authenticator = createAuthenticator(config.auth);
  const limiter = config.rateLimit ? new RateLimiter(config.rateLimit) : null;
  const limitText = config.rateLimit ? describeRateLimit(config.rateLimit) : "";
  /** Takes one request from `key`'s bucket; 429 when it is empty. */
  const throttle = (key: string) => {
    const decision = limiter?.take(key);
    if (decision && !decision.allowed) throw rateLimited(decision.retryAfterSeconds, limitText);
  };
  const gate = createOperationGate({ safelist: loadSafelist(config.safelistFile), mode: config.mode, anonymousOperations: config.anonymousOperations, botClientName: BOT_CLIENT_NAME });
  const urls = routingUrls(supergraphSdl);

  const http = createHttpEdge<GatewayContext>({
    service: "gateway",
    apollo,
    maxBodyBytes: config.limits.maxBodyBytes,
    cors: config.cors,
    trustProxy: config.trustProxy,
    context: async (edge) => {
      let identity: Identity;
      try {
        identity = await authenticator.identify(header(edge, "authorization"));
      } catch (error) {
        // Failed attempts count against the address, so that guessing tokens is throttled too.
        throttle(`address:${edge.clientAddress}`);
        throw error;
      }
      throttle(identity.subject ? `subject:${identity.subject}` : `address:${edge.clientAddress}`);
      const forwarded: Record<string, string> = {};
      for (const name of FORWARDED_HEADERS) {
        const value = header(edge, name);
        if (value !== undefined) forwarded[name] = value;
      }
      return { identity, requestId: edge.requestId, clientName: header(edge, "apollographql-client-name") ?? null, forwarded };
    },
    prepare: gate,
    readiness: async () => {
      const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await subgraphReady(url)] as const));
      return Object.fromEntries(entries);
    },
  });
  return { apollo, http, config };
}
