import { communes, epci } from "./communes.ts";
import { generateFundings, type FundingRecord } from "./fundings.ts";
import { communePartners, conventions, institutions, type ConventionRecord, type PartnerRecord } from "./partners.ts";
import { generateServices, type ServiceRecord } from "./services.ts";

export * from "./communes.ts";
export * from "./fundings.ts";
export * from "./partners.ts";
export * from "./services.ts";
export * from "./vocabulary.ts";

export interface SampleOptions {
  /** PRNG seed: the same seed gives the same territory. */
  seed?: number;
  /** Multiplies the services (and their fundings) for benchmarks. */
  scale?: number;
}

export interface Territory {
  partners: PartnerRecord[];
  conventions: readonly ConventionRecord[];
  services: ServiceRecord[];
  fundings: FundingRecord[];
}

const cache = new Map<string, Territory>();

/** The whole territory every subgraph seeds its own part from, so that ids agree across databases. */
export function sampleTerritory(options: SampleOptions = {}): Territory {
  const seed = options.seed ?? 2026;
  const scale = options.scale ?? 1;
  const key = `${seed}:${scale}`;
  let territory = cache.get(key);
  if (!territory) {
    const generated = generateServices({ seed, scale });
    territory = {
      partners: [...institutions, ...communePartners, ...generated.partners],
      conventions,
      services: generated.services,
      fundings: generateFundings(generated.services, { seed }),
    };
    cache.set(key, territory);
  }
  return territory;
}

/** Seed options from the environment (`CTG_SEED`, `CTG_SCALE`) and `--seed N --scale N` arguments. */
export function sampleOptionsFrom(argv: readonly string[] = process.argv, env = process.env): Required<SampleOptions> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const parse = (value: string | undefined, fallback: number, what: string) => {
    if (value === undefined || value === "") return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer (got ${JSON.stringify(value)})`);
    return n;
  };
  return { seed: parse(arg("seed") ?? env.CTG_SEED, 2026, "seed"), scale: parse(arg("scale") ?? env.CTG_SCALE, 1, "scale") };
}

export { communes, epci };
