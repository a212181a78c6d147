import { createTestDatabase, listen, type Database, type PrismaLike, type RunningEdge, type TestDatabase } from "@ctg/kit";
import { funding } from "../../subgraphs/funding/src/server.ts";
import { partners } from "../../subgraphs/partners/src/server.ts";
import { services } from "../../subgraphs/services/src/server.ts";
import { territories } from "../../subgraphs/territories/src/server.ts";
import { createGatewayServer } from "../../gateway/src/server.ts";
import { loadSupergraph, type SubgraphName } from "../../gateway/src/supergraph.ts";

const definitions = { partners, territories, services, funding } as const;

export interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  db: Database<PrismaLike>;
  edge: RunningEdge;
  stop(): Promise<void>;
}

export interface Stack {
  gatewayUrl: string;
  supergraphSdl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** Sum of the SQL statements the four databases have run so far. */
  statements(): number;
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data?: T; errors?: any[] }>;
  close(): Promise<void>;
}

/**
 * The whole graph in one process for tests: four subgraphs on their own fresh databases (PGlite in
 * memory, or the PostgreSQL server of CTG_TEST_POSTGRES_URL), on free ports, behind the gateway.
 */
export async function startStack(label: string, urls: Partial<Record<SubgraphName, string>> = {}): Promise<Stack> {
  const testDbs: TestDatabase[] = [];
  const running = {} as Record<SubgraphName, RunningSubgraph>;
  await Promise.all(
    (Object.keys(definitions) as SubgraphName[]).map(async (name) => {
      const def = definitions[name];
      const testDb = await createTestDatabase(`${label}_${name}`);
      testDbs.push(testDb);
      const db = (await def.open({ url: testDb.url })) as Database<PrismaLike>;
      const server = await def.createServer(db as never);
      const edge = await listen(server.http, 0);
      running[name] = {
        name,
        url: edge.url,
        db,
        edge,
        stop: async () => {
          await edge.close();
          await server.apollo.stop();
        },
      };
    }),
  );
  const supergraphSdl = loadSupergraph({
    ...Object.fromEntries(Object.values(running).map((s) => [s.name, s.url])),
    ...urls,
  });
  const gateway = await createGatewayServer(supergraphSdl);
  const gatewayEdge = await listen(gateway.http, 0);
  let closed = false;
  return {
    gatewayUrl: gatewayEdge.url,
    supergraphSdl,
    subgraphs: running,
    statements: () => Object.values(running).reduce((sum, s) => sum + s.db.statements.count, 0),
    query: async (query, variables = {}, headers = {}) => {
      const response = await fetch(gatewayEdge.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as Promise<{ data?: any; errors?: any[] }>;
    },
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
