import { prismaCliAdapter } from "@ctg/kit/prisma-cli";
import { defineConfig } from "prisma/config";

// For the Prisma CLI only (generate, migrate diff, migrate status): the hub migrates in-process.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: () => prismaCliAdapter("funding"),
});
