import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{packages,subgraphs,gateway,bot}/**/test/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    pool: "forks",
    // Each test file opens its own databases (PGlite ≈ 300 MB each): two files at a time fit the 2-core machines.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { CHECKPOINT_DISABLE: "1" },
  },
});
