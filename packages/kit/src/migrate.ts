import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SqlRunner } from "./sql-runner.ts";

/**
 * Applies `prisma/migrations/<name>/migration.sql` in order, recording them in Prisma's own
 * `_prisma_migrations` table, so `prisma migrate deploy` and `prisma migrate status` agree with
 * what the hub applied. The hub migrates in-process because an embedded PGlite database can only be
 * opened by the process that serves it.
 */
export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant shared by every hub process: serialises concurrent migrators on one PostgreSQL server.
const ADVISORY_LOCK_KEY = 4_207_326;

export async function listMigrations(migrationsDir: string): Promise<{ name: string; sql: string; checksum: string }[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function migrate(runner: SqlRunner, migrationsDir: string): Promise<MigrationReport> {
  const migrations = await listMigrations(migrationsDir);
  await runner.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await runner.exec(MIGRATIONS_TABLE);
    const done = await runner.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const doneByName = new Map(done.map((d) => [d.migration_name, d.checksum]));
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = doneByName.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new Error(
            `Migration ${m.name} was modified after it was applied (checksum ${previous.slice(0, 12)}… ≠ ${m.checksum.slice(0, 12)}…). Add a new migration instead of editing an applied one.`,
          );
        }
        continue;
      }
      await runner.exec("BEGIN");
      try {
        await runner.exec(m.sql);
        await runner.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await runner.exec("COMMIT");
      } catch (error) {
        await runner.exec("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    await runner.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}
