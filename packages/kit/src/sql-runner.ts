import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** The smallest SQL surface the migrator and the health checks need, for PGlite and PostgreSQL alike. */
export interface SqlRunner {
  /** Runs a script of several statements (simple query protocol). */
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export function pgliteRunner(db: PGlite): SqlRunner {
  return {
    exec: async (script) => {
      await db.exec(script);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows,
  };
}

export function poolRunner(pool: pg.Pool): SqlRunner {
  return {
    exec: async (script) => {
      await pool.query(script);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
  };
}
