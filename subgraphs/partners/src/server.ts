import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineSubgraph } from "@ctg/kit";
import { createContext } from "./context.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { resolvers } from "./resolvers/index.ts";
import { isEmpty, seedPartners } from "./seed-data.ts";

export const partners = defineSubgraph({
  name: "partners",
  defaultPort: 4001,
  packageDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
  createClient: (adapter) => new PrismaClient({ adapter }),
  createContext,
  resolvers,
  isEmpty: (db) => isEmpty(db.prisma),
  seed: (db, options) => seedPartners(db.prisma, options),
});
