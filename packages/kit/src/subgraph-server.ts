import type { IncomingMessage, Server } from "node:http";
import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap";
import type { DocumentNode } from "graphql";
import type { Database, PrismaLike } from "./db.ts";
import { maskInfrastructureError } from "./errors.ts";
import { createHttpEdge, type ReadyCheck } from "./http.ts";

export interface SubgraphServerOptions<Client extends PrismaLike, Ctx extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: unknown;
  db: Database<Client>;
  /** Builds the per-request context: a fresh set of DataLoaders each time. */
  context: (db: Database<Client>, req: IncomingMessage) => Ctx;
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
    formatError: (formatted, error) => maskInfrastructureError(formatted, error, options.name),
  });
  await apollo.start();
  const http = createHttpEdge<Ctx>({
    service: options.name,
    apollo,
    context: async (req) => options.context(options.db, req),
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
