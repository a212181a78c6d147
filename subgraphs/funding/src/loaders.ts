import DataLoader from "dataloader";
import {
  communeTotals,
  conventionTotals,
  fundingsByIds,
  fundingsOf,
  type CommuneTotalKey,
  type ConventionTotalKey,
  type ListKey,
} from "./fundings.ts";
import type { Funding, Prisma, PrismaClient } from "./generated/prisma/client.ts";

const listKey = (k: ListKey) => `${k.id}|${k.year ?? "*"}`;

/** Per-request batching: each loader sends one statement per batch, whatever the number of keys. */
export function createLoaders(prisma: PrismaClient) {
  return {
    fundingById: new DataLoader<string, Funding | null>((ids) => fundingsByIds(prisma, ids)),
    fundingsByService: new DataLoader<ListKey, Funding[], string>((keys) => fundingsOf(prisma, "serviceId", keys), { cacheKeyFn: listKey }),
    fundingsGranted: new DataLoader<ListKey, Funding[], string>((keys) => fundingsOf(prisma, "funderId", keys), { cacheKeyFn: listKey }),
    fundingsReceived: new DataLoader<ListKey, Funding[], string>((keys) => fundingsOf(prisma, "recipientId", keys), { cacheKeyFn: listKey }),
    conventionTotal: new DataLoader<ConventionTotalKey, Prisma.Decimal, string>((keys) => conventionTotals(prisma, keys), {
      cacheKeyFn: (k) => `${k.id}|${k.year ?? "*"}|${k.mechanism ?? "*"}`,
    }),
    communeTotal: new DataLoader<CommuneTotalKey, Prisma.Decimal, string>((keys) => communeTotals(prisma, keys), {
      cacheKeyFn: (k) => `${k.code}|${k.year}`,
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
