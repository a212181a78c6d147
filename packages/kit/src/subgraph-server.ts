import type { Server } from "node:http";
import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap";
import type { DocumentNode } from "graphql";
import type { Database, PrismaLike } from "./db.ts";
import { maskInfrastructureError } from "./errors.ts";
import { identityOfGatewayRequest, type SubgraphAccess } from "./gateway-access.ts";
import { createHttpEdge, currentRequest, type ReadyCheck } from "./http.ts";
import type { Identity } from "./identity.ts";
import type { HubMode } from "./settings.ts";

/** What a subgraph's context is built from, besides its database. */
export interface SubgraphRequest {
  /** Who is asking, as the gateway verified it (RESIDENT when no token). */
  identity: Identity;
  /** The gateway's request id, for logs. */
  requestId: string | null;
  /** How to reach another subgraph on the caller's behalf (see SubgraphEdgeSettings.peerUrls). */
  peers?: SubgraphPeers;
}

export interface SubgraphPeers {
  /** The gateway's secret, which every subgraph requires; null in open local development. */
  secret: string | null;
  urls: Record<string, string>;
}

export interface SubgraphServerOptions<Client extends PrismaLike, Ctx extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: unknown;
  db: Database<Client>;
  /** Builds the per-request context: a fresh set of DataLoaders each time, and the caller's identity. */
  context: (db: Database<Client>, request: SubgraphRequest) => Ctx;
  /** Who may call /graphql: the gateway's secret, or open local development. */
  access: SubgraphAccess;
  mode?: HubMode;
  maxBodyBytes?: number;
  peerUrls?: Record<string, string>;
}

export interface SubgraphServer<Ctx extends BaseContext> {
  apollo: ApolloServer<Ctx>;
  http: Server;
}

/**
 * An Apollo Server 5 federation subgraph on its own database, behind the hub's HTTP edge.
 * `/ready` is green when the database answers and its migrations are applied.
 */
export async function createSubgraphServer<Client extends PrismaLike, Ctx extends BaseContext>(
  options: SubgraphServerOptions<Client, Ctx>,
): Promise<SubgraphServer<Ctx>> {
  const apollo = new ApolloServer<Ctx>({
    schema: buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    // Subgraphs are reached through the gateway; no IDE here.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    includeStacktraceInErrorResponses: false,
    // The process's own shutdown (onShutdown) stops the server; Apollo's signal handlers would race it.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const masked = maskInfrastructureError(formatted, error, options.name);
      // The gateway masks it for clients; here it is logged with the request id that traces it.
      if (options.mode === "production" && masked.extensions?.code === "INTERNAL_SERVER_ERROR") {
        console.error(`${options.name} request ${currentRequest()?.requestId ?? "-"}: ${formatted.message}`);
      }
      return masked;
    },
  });
  await apollo.start();
  // The same for every request; `urls` is the caller's object, so addresses filled in later are seen.
  const peers: SubgraphPeers = Object.freeze({ secret: options.access.secret ?? null, urls: options.peerUrls ?? {} });
  const http = createHttpEdge<Ctx>({
    service: options.name,
    apollo,
    maxBodyBytes: options.maxBodyBytes,
    context: async ({ req, requestId }) => options.context(options.db, { identity: identityOfGatewayRequest(req, options.access), requestId, peers }),
    readiness: async (): Promise<Record<string, ReadyCheck>> => {
      const started = Date.now();
      try {
        await options.db.ping();
        return {
          database: { ok: true, detail: `${options.db.kind} at ${options.db.location}, answered in ${Date.now() - started} ms` },
          migrations: { ok: true, detail: `${options.db.migration.applied.length + options.db.migration.alreadyApplied} applied` },
        };
      } catch (error) {
        return { database: { ok: false, detail: `${options.db.kind}: ${(error as Error).message}` } };
      }
    },
    metrics: () =>
      [`# TYPE ctg_sql_statements_total counter`, `ctg_sql_statements_total{service="${options.name}"} ${options.db.statements.count}`].join("\n"),
  });
  return { apollo, http };
}
