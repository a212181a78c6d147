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

/** A gateway of a stack, on a free port. */
export interface StackGateway {
  url: string;
  config: GatewayConfig;
  /** The secret it sends the subgraphs (x-ctg-gateway-secret). */
  gatewaySecret: string | undefined;
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: T; errors?: any[] }>;
  /** POSTs `body` (JSON) to the gateway and returns the raw response. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Stops it; idempotent (the stack closes the gateways it started). */
  close(): Promise<void>;
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
  /**
   * Another gateway on this stack's subgraphs and secret, with settings of its own (development
   * defaults otherwise) and, where given, other addresses for some subgraphs (e.g. a recording proxy).
   */
  startGateway(overrides?: Partial<GatewayConfig>, urls?: Partial<Record<SubgraphName, string>>): Promise<StackGateway>;
  close(): Promise<void>;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

/** Serves `supergraphSdl` with `config` on a free port. */
async function serveGateway(supergraphSdl: string, config: GatewayConfig): Promise<StackGateway> {
  const gateway = await createGatewayServer(supergraphSdl, config);
  const edge = await listen(gateway.http, 0);
  let closed = false;
  return {
    url: edge.url,
    config,
    gatewaySecret: config.gatewaySecret,
    query: async (query, variables = {}, headers = {}) => {
      const response = await post(edge.url, { query, variables }, headers);
      return response.json() as Promise<{ data?: any; errors?: any[] }>;
    },
    post: (body, headers) => post(edge.url, body, headers),
    close: async () => {
      if (closed) return;
      closed = true;
      await edge.close();
      await gateway.apollo.stop();
    },
  };
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
  // Filled as each subgraph listens: the services subgraph reaches the partners one for imports, and
  // the stack's gateways route to them.
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
  const gateways: StackGateway[] = [];
  const launch = async (sdl: string, overrides: Partial<GatewayConfig> = {}) => {
    const gateway = await serveGateway(sdl, developmentGatewayConfig({ gatewaySecret, ...overrides }));
    gateways.push(gateway);
    return gateway;
  };
  const supergraphSdl = loadSupergraph({ ...peerUrls, ...urls });
  const gateway = await launch(supergraphSdl, options.gateway);
  let closed = false;
  return {
    gatewayUrl: gateway.url,
    gatewaySecret,
    gatewayConfig: gateway.config,
    supergraphSdl,
    subgraphs: running,
    statements: () => Object.values(running).reduce((sum, s) => sum + s.db.statements.count, 0),
    query: gateway.query,
    post: gateway.post,
    callSubgraph: (name, query, headers = {}, withSecret = true) =>
      post(running[name].url, { query }, { ...(withSecret ? { [GATEWAY_SECRET_HEADER]: gatewaySecret } : {}), ...headers }),
    startGateway: (overrides, routes = {}) => launch(loadSupergraph({ ...peerUrls, ...routes }), overrides),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const g of gateways) await g.close();
      for (const s of Object.values(running)) {
        await s.stop().catch(() => {});
        await s.db.close().catch(() => {});
      }
      for (const t of testDbs) await t.drop();
    },
  };
}
