import pg from "pg";
import { randomBytes } from "node:crypto";
import { createTestDatabase, GATEWAY_SECRET_HEADER, listen, type Database, type PrismaLike, type RunningEdge, type TestDatabase } from "@ctg/kit";
import { funding } from "../../subgraphs/funding/src/server.ts";
import { partners } from "../../subgraphs/partners/src/server.ts";
import { services } from "../../subgraphs/services/src/server.ts";
import { territories } from "../../subgraphs/territories/src/server.ts";
import { developmentGatewayConfig, type GatewayConfig } from "../../gateway/src/config.ts";
import { createGatewayServer } from "../../gateway/src/server.ts";
import { loadSupergraph, type SubgraphName } from "../../gateway/src/supergraph.ts";

const definitions = { partners, territories, services, funding } as const;

export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  db: Database<PrismaLike>;
  edge: RunningEdge;
  stop(): Promise<void>;
  /** Takes the subgraph's database away, as an outage would. */
  loseDatabase(): Promise<void>;
}

export interface StackOptions {
  /** Gateway settings for this stack (development defaults otherwise, with the stack's secret). */
  gateway?: Partial<GatewayConfig>;
  /** The gateway secret (fresh per stack otherwise), e.g. to share another stack's subgraphs. */
  gatewaySecret?: string;
}

export interface Stack {
  gatewayUrl: string;
  /** The secret the subgraphs expect from the gateway (x-ctg-gateway-secret), fresh per stack. */
  gatewaySecret: string;
  gatewayConfig: GatewayConfig;
  supergraphSdl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** Sum of the SQL statements the four databases have run so far. */
  statements(): number;
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: T; errors?: any[] }>;
  /** POSTs `body` (JSON) to the gateway and returns the raw response. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** POSTs a query straight to a subgraph, with the gateway's secret unless `headers` says otherwise. */
  callSubgraph(name: SubgraphName, query: string, headers?: Record<string, string>, withSecret?: boolean): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The whole graph in one process for tests: four subgraphs on their own fresh databases (PGlite in
 * memory, or the PostgreSQL server of CTG_TEST_POSTGRES_URL), on free ports, behind the gateway.
 * The subgraphs answer only requests carrying the stack's gateway secret, as in `npm start`.
 */
export async function startStack(label: string, urls: Partial<Record<SubgraphName, string>> = {}, options: StackOptions = {}): Promise<Stack> {
  const gatewaySecret = options.gatewaySecret ?? randomBytes(32).toString("base64url");
  const testDbs: TestDatabase[] = [];
  const running = {} as Record<SubgraphName, RunningSubgraph>;
  // Filled as each subgraph listens: the services subgraph reaches the partners one for imports.
  const peerUrls: Record<string, string> = {};
  await Promise.all(
    (Object.keys(definitions) as SubgraphName[]).map(async (name) => {
      const def = definitions[name];
      const testDb = await createTestDatabase(`${label}_${name}`);
      testDbs.push(testDb);
      const db = (await def.open({ url: testDb.url })) as Database<PrismaLike>;
      const server = await def.createServer(db as never, { mode: "development", access: { secret: gatewaySecret, open: false }, peerUrls });
      const edge = await listen(server.http, 0);
      peerUrls[name] = edge.url;
      running[name] = {
        name,
        url: edge.url,
        db,
        edge,
        stop: async () => {
          await edge.close();
          await server.apollo.stop();
        },
        loseDatabase: async () => {
          if (testDb.kind === "pglite") return db.close();
          // A PostgreSQL client reconnects after a close: refuse new connections and cut the open ones.
          const name = new URL(testDb.url).pathname.slice(1);
          const admin = new pg.Client({ connectionString: process.env.CTG_TEST_POSTGRES_URL });
          await admin.connect();
          try {
            await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
            await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name]);
          } finally {
            await admin.end();
          }
        },
      };
    }),
  );
  const supergraphSdl = loadSupergraph({
    ...Object.fromEntries(Object.values(running).map((s) => [s.name, s.url])),
    ...urls,
  });
  const gatewayConfig = developmentGatewayConfig({ gatewaySecret, ...options.gateway });
  const gateway = await createGatewayServer(supergraphSdl, gatewayConfig);
  const gatewayEdge = await listen(gateway.http, 0);
  let closed = false;
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return {
    gatewayUrl: gatewayEdge.url,
    gatewaySecret,
    gatewayConfig,
    supergraphSdl,
    subgraphs: running,
    statements: () => Object.values(running).reduce((sum, s) => sum + s.db.statements.count, 0),
    query: async (query, variables = {}, headers = {}) => {
      const response = await post(gatewayEdge.url, { query, variables }, headers);
      return response.json() as Promise<{ data?: any; errors?: any[] }>;
    },
    post: (body, headers) => post(gatewayEdge.url, body, headers),
    callSubgraph: (name, query, headers = {}, withSecret = true) =>
      post(running[name].url, { query }, { ...(withSecret ? { [GATEWAY_SECRET_HEADER]: gatewaySecret } : {}), ...headers }),
    close: async () => {
      if (closed) return;
      closed = true;
      await gatewayEdge.close();
      await gateway.apollo.stop();
      for (const s of Object.values(running)) {
        await s.stop().catch(() => {});
        await s.db.close().catch(() => {});
      }
      for (const t of testDbs) await t.drop();
    },
  };
}
