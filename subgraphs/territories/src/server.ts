import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSubgraphServer, openDatabase } from "@ctg/kit";
import { gql } from "graphql-tag";
import { createContext, type TerritoriesDb } from "./context.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { resolvers } from "./resolvers/index.ts";
import { isEmpty, seedTerritories } from "./seed-data.ts";

export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const typeDefs = gql(readFileSync(path.join(packageDir, "schema.graphql"), "utf8"));

export async function openTerritoriesDb(options: { url?: string; dataDir: string; seedWhenEmpty?: boolean }): Promise<TerritoriesDb> {
  const db = await openDatabase(
    { name: "territories", url: options.url, dataDir: options.dataDir, migrationsDir: path.join(packageDir, "prisma", "migrations") },
    (adapter) => new PrismaClient({ adapter }),
  );
  if (options.seedWhenEmpty !== false && (await isEmpty(db.prisma))) await seedTerritories(db.prisma);
  return db;
}

export function createTerritoriesServer(db: TerritoriesDb) {
  return createSubgraphServer({ name: "territories", typeDefs, resolvers, db, context: createContext });
}
