import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineSubgraph } from "@ctg/kit";
import { createContext } from "./context.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { resolvers } from "./resolvers/index.ts";
import { isEmpty, seedSummary, seedTerritories } from "./seed-data.ts";

export const territories = defineSubgraph({
  name: "territories",
  defaultPort: 4002,
  packageDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
  createClient: (adapter) => new PrismaClient({ adapter }),
  createContext,
  resolvers,
  isEmpty: (db) => isEmpty(db.prisma),
  seed: async (db) => seedSummary(await seedTerritories(db.prisma)),
});
