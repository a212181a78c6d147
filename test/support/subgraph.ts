import { createTestDatabase, RESIDENT, type Identity, type TestDatabase } from "@ctg/kit";
import { afterAll, beforeAll } from "vitest";

/** What a subgraph suite needs of a subgraph definition (`defineSubgraph`'s result). */
interface Definition<Db, Ctx> {
  open(options: { url?: string; sample?: { seed: number; scale: number } }): Promise<Db>;
  createServer(db: Db): Promise<{ apollo: { executeOperation: Function; stop(): Promise<void> } }>;
  createContext(db: Db, request?: { identity?: Identity; requestId?: string | null }): Ctx;
}

/**
 * One subgraph on a database of its own for a test file (PGlite in memory, or a fresh database on
 * CTG_TEST_POSTGRES_URL): opened before the suite, closed and dropped after it.
 */
export function useSubgraph<Db extends { close(): Promise<void> }, Ctx>(
  definition: Definition<Db, Ctx>,
  label: string,
  sample?: { seed: number; scale: number },
) {
  let testDb: TestDatabase | undefined;
  let db: Db | undefined;
  let server: Awaited<ReturnType<Definition<Db, Ctx>["createServer"]>> | undefined;

  beforeAll(async () => {
    testDb = await createTestDatabase(label);
    db = await definition.open({ url: testDb.url, sample });
    server = await definition.createServer(db);
  });
  afterAll(async () => {
    await server?.apollo.stop();
    await db?.close();
    await testDb?.drop();
  });

  return {
    get db(): Db {
      if (!db) throw new Error("the subgraph is opened in beforeAll");
      return db;
    },
    /**
     * Runs an operation in-process, with a fresh per-request context, as `identity` (a resident
     * by default: what the gateway would forward), and returns its result.
     */
    async run(query: string, variables: Record<string, unknown> = {}, identity: Identity = RESIDENT) {
      const response = await server!.apollo.executeOperation({ query, variables }, { contextValue: definition.createContext(db!, { identity, requestId: null }) });
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return response.body.singleResult as { data?: Record<string, any>; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    },
  };
}
