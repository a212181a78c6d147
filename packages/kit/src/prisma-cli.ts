import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * The driver adapter the Prisma CLI uses in a subgraph's `prisma.config.ts`: the PostgreSQL server
 * of `<NAME>_DATABASE_URL` when set (for `prisma migrate status` against production), otherwise a
 * throw-away embedded database (enough for `generate` and `migrate diff`).
 */
export async function prismaCliAdapter(name: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const url = process.env[`${name.toUpperCase()}_DATABASE_URL`];
  if (url) return new PrismaPg({ connectionString: url });
  return new PrismaPGlite(await PGlite.create({ extensions: { pg_trgm, unaccent } })) as unknown as SqlMigrationAwareDriverAdapterFactory;
}
