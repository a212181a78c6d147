import type { Database } from "@ctg/kit";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { createLoaders, type Loaders } from "./loaders.ts";

export type TerritoriesDb = Database<PrismaClient>;

export interface Context {
  db: TerritoriesDb;
  loaders: Loaders;
}

export function createContext(db: TerritoriesDb): Context {
  return { db, loaders: createLoaders(db.prisma) };
}
