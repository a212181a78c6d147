import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

/**
 * Composes the four subgraphs' SDL into the supergraph the gateway serves. `--check` fails when
 * the committed supergraph differs from a fresh composition (CI runs it).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const SUBGRAPHS = [
  { name: "partners", port: 4001 },
  { name: "territories", port: 4002 },
  { name: "services", port: 4003 },
  { name: "funding", port: 4004 },
] as const;

export const SUPERGRAPH_PATH = path.join(root, "schema", "supergraph.graphql");

export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map(({ name, port }) => ({
      name,
      url: `http://localhost:${port}/graphql`,
      typeDefs: parse(readFileSync(path.join(root, "subgraphs", name, "schema.graphql"), "utf8")),
    })),
  );
  if (result.errors) {
    const messages = result.errors.map((e) => `- ${e.message}`).join("\n");
    throw new Error(`Composition failed:\n${messages}`);
  }
  return result.supergraphSdl;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  try {
    const sdl = composeSupergraph();
    if (check) {
      const committed = readFileSync(SUPERGRAPH_PATH, "utf8");
      if (committed !== sdl) {
        console.error("schema/supergraph.graphql is stale: run `pnpm compose` and commit the result.");
        process.exit(1);
      }
      console.log("schema/supergraph.graphql is up to date with the four subgraphs.");
    } else {
      writeFileSync(SUPERGRAPH_PATH, sdl);
      console.log(`Composed ${SUBGRAPHS.length} subgraphs into schema/supergraph.graphql`);
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
