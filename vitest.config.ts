import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Node gives Apollo graphql's CommonJS build; code under test must share that one instance
    // (graphql-js refuses schema types from "another module or realm"), not Vite's pick, index.mjs.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
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
