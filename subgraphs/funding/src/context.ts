import type { Database } from "@ctg/kit";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { createLoaders, type Loaders } from "./loaders.ts";

export type FundingDb = Database<PrismaClient>;

export interface Context {
  db: FundingDb;
  loaders: Loaders;
}

export function createContext(db: FundingDb): Context {
  return { db, loaders: createLoaders(db.prisma) };
}
