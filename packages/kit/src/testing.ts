import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * A database of its own for one test file. With `CTG_TEST_POSTGRES_URL` set (CI sets it to the
 * local PostgreSQL server) a fresh database is created on that server and dropped afterwards;
 * otherwise an in-memory PGlite database is used.
 */
export interface TestDatabase {
  url: string;
  kind: "pglite" | "postgres";
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = process.env.CTG_TEST_POSTGRES_URL;
  if (!server) return { url: "memory://", kind: "pglite", drop: async () => {} };
  const name = `ctg_test_${label.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`.toLowerCase();
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgres",
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
