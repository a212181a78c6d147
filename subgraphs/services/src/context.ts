import type { Database } from "@ctg/kit";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { createLoaders, type Loaders } from "./loaders.ts";

export type ServicesDb = Database<PrismaClient>;

export interface Context {
  db: ServicesDb;
  loaders: Loaders;
}

export function createContext(db: ServicesDb): Context {
  return { db, loaders: createLoaders(db.prisma) };
}
