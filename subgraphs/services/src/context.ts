import { RESIDENT, type Database, type Identity, type SubgraphPeers, type SubgraphRequest } from "@ctg/kit";
import type { PrismaClient } from "./generated/prisma/client.ts";
import { createLoaders, type Loaders } from "./loaders.ts";

export type ServicesDb = Database<PrismaClient>;

export interface Context {
  db: ServicesDb;
  loaders: Loaders;
  /** Who is asking, as the gateway verified it: what later rules (ownership, visibility) decide on. */
  identity: Identity;
  /** The gateway's request id, for logs. */
  requestId: string | null;
  /** How to reach the partners subgraph, for the partners' half of a data·inclusion import. */
  peers: SubgraphPeers;
}

export function createContext(db: ServicesDb, request: Partial<SubgraphRequest> = {}): Context {
  return { db, loaders: createLoaders(db.prisma), identity: request.identity ?? RESIDENT, requestId: request.requestId ?? null, peers: request.peers ?? { secret: null, urls: {} } };
}
