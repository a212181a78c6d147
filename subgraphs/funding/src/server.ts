import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineSubgraph } from "@ctg/kit";
import { createContext } from "./context.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { resolvers } from "./resolvers/index.ts";
import { isEmpty, seedFundings, seedSummary } from "./seed-data.ts";

export const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const funding = defineSubgraph({
  name: "funding",
  defaultPort: 4004,
  packageDir,
  createClient: (adapter) => new PrismaClient({ adapter }),
  createContext,
  resolvers,
  isEmpty: (db) => isEmpty(db.prisma),
  seed: async (db, sample) => seedSummary(await seedFundings(db.prisma, sample)),
});

export const { typeDefs } = funding;
export const openFundingDb = funding.open;
export const createFundingServer = funding.createServer;
