import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SUBGRAPH_PEERS } from "@ctg/kit";

export const SUPERGRAPH_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../schema/supergraph.graphql");

export type SubgraphName = (typeof SUBGRAPH_PEERS)[number];

/**
 * The committed supergraph, with the routing URLs of `join__graph` replaced where given: the one
 * place subgraph addresses change, for the Apollo gateway and for any other router alike.
 */
export function loadSupergraph(urls: Partial<Record<SubgraphName, string>> = {}, file = SUPERGRAPH_FILE): string {
  let sdl = readFileSync(file, "utf8");
  for (const [name, url] of Object.entries(urls)) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`);
    if (!pattern.test(sdl)) throw new Error(`The supergraph has no subgraph named ${name}`);
    sdl = sdl.replace(pattern, `$1${url}$2`);
  }
  return sdl;
}

/** The routing URL of each subgraph, as the supergraph says. */
export function routingUrls(sdl: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) out[m[1]] = m[2];
  return out;
}
