import { RESIDENT, type Database, type Identity, type SubgraphRequest } from "@ctg/kit";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { createLoaders, type Loaders } from "./loaders.ts";

export type PartnersDb = Database<PrismaClient>;

export interface Context {
  db: PartnersDb;
  loaders: Loaders;
  /** Who is asking, as the gateway verified it: what later rules (ownership, visibility) decide on. */
  identity: Identity;
  /** The gateway's request id, for logs. */
  requestId: string | null;
}

export function createContext(db: PartnersDb, request: Partial<SubgraphRequest> = {}): Context {
  return { db, loaders: createLoaders(db.prisma), identity: request.identity ?? RESIDENT, requestId: request.requestId ?? null };
}
