import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineSubgraph } from "@ctg/kit";
import { createContext } from "./context.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { resolvers } from "./resolvers/index.ts";
import { isEmpty, seedServices } from "./seed-data.ts";

export const services = defineSubgraph({
  name: "services",
  defaultPort: 4003,
  packageDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
  createClient: (adapter) => new PrismaClient({ adapter }),
  createContext,
  resolvers,
  isEmpty: (db) => isEmpty(db.prisma),
  seed: (db, options) => seedServices(db.prisma, options),
});
