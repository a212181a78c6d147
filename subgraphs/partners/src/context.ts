import type { Database } from "@ctg/kit";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { createLoaders, type Loaders } from "./loaders.ts";

export type PartnersDb = Database<PrismaClient>;

export interface Context {
  db: PartnersDb;
  loaders: Loaders;
}

export function createContext(db: PartnersDb): Context {
  return { db, loaders: createLoaders(db.prisma) };
}
