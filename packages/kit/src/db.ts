import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { migrate, type MigrationReport } from "./migrate.ts";
import { pgliteRunner, poolRunner, type SqlRunner } from "./sql-runner.ts";
import { countStatements, StatementCounter } from "./statements.ts";

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseOptions {
  /** Subgraph name, for messages and lock files. */
  name: string;
  /**
   * `postgres://…` or `postgresql://…`: a PostgreSQL server. `memory://`: a throw-away embedded
   * database. Absent: an embedded PGlite database persisted in `dataDir`.
   */
  url?: string;
  dataDir: string;
  migrationsDir: string;
}

export interface PrismaLike {
  $disconnect(): Promise<void>;
}

export interface Database<Client extends PrismaLike> {
  kind: DatabaseKind;
  /** Where the data lives, for humans (a folder, `memory`, or the server URL without password). */
  location: string;
  prisma: Client;
  /** Raw SQL outside Prisma, for migrations and health checks. Not counted as a served statement. */
  sql: SqlRunner;
  statements: StatementCounter;
  migration: MigrationReport;
  /** Throws when the database does not answer within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/**
 * PGlite is single-process: a second hub started on the same data folder would corrupt it. A lock
 * file with our pid refuses that, and a stale lock (dead pid) is taken over.
 */
function lockDataDir(dataDir: string, name: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, "..", `${path.basename(dataDir)}.lock`);
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, "utf8"));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive) {
      throw new Error(
        `The ${name} database folder ${dataDir} is in use by process ${pid}. Stop that process, or point ${name.toUpperCase()}_DATA_DIR elsewhere.`,
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, { force: true });
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens a subgraph's own database, migrates it, and builds its Prisma client on a driver adapter
 * that counts statements. The same migrations serve PGlite and PostgreSQL.
 */
export async function openDatabase<Client extends PrismaLike>(
  options: DatabaseOptions,
  createClient: (adapter: SqlDriverAdapterFactory) => Client,
): Promise<Database<Client>> {
  const statements = new StatementCounter();
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({ connectionString: options.url, connectionTimeoutMillis: 5_000, max: 10 });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on("error", () => {});
    const sql = poolRunner(pool);
    const migration = await migrate(sql, options.migrationsDir);
    const adapter = new PrismaPg({ connectionString: options.url, connectionTimeoutMillis: 5_000, max: 10 });
    const prisma = createClient(countStatements(adapter, statements));
    return {
      kind: "postgres",
      location: redactUrl(options.url),
      prisma,
      sql,
      statements,
      migration,
      ping: async (timeoutMs = 2_000) => {
        await withTimeout(sql.query("SELECT 1"), timeoutMs, "PostgreSQL");
      },
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }

  const inMemory = options.url === "memory://";
  const unlock = inMemory ? () => {} : lockDataDir(options.dataDir, options.name);
  let db: PGlite;
  try {
    db = await PGlite.create(inMemory ? undefined : options.dataDir, { extensions: { pg_trgm, unaccent } });
  } catch (error) {
    unlock();
    throw error;
  }
  const sql = pgliteRunner(db);
  const migration = await migrate(sql, options.migrationsDir);
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils; the protocol is the same.
  const prisma = createClient(countStatements(new PrismaPGlite(db) as unknown as SqlDriverAdapterFactory, statements));
  return {
    kind: "pglite",
    location: inMemory ? "memory" : path.resolve(options.dataDir),
    prisma,
    sql,
    statements,
    migration,
    ping: async (timeoutMs = 2_000) => {
      await withTimeout(sql.query("SELECT 1"), timeoutMs, "PGlite");
    },
    close: async () => {
      await prisma.$disconnect();
      await db.close();
      unlock();
    },
  };
}
