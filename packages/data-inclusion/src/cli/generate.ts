import { generateLargeFiles } from "../generate.ts";
import { fromCaller, readArguments, runCommand, UsageError } from "./run.ts";

const USAGE = `Usage: pnpm --filter @ctg/data-inclusion generate:large -- --out <folder> [--services 50000] [--seed 2026] [--territory-share 0.1] [--invalid-share 0.002]

Writes a large synthetic pair of data·inclusion files (services across France, a share in the agglomeration).`;

function numberOption(value: string | undefined, fallback: number, name: string, check: (n: number) => boolean): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} got « ${value} », which is out of range.`);
  return n;
}

runCommand(USAGE, async () => {
  const { values, positionals } = readArguments({
    out: { type: "string" },
    services: { type: "string" },
    seed: { type: "string" },
    "territory-share": { type: "string" },
    "invalid-share": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`Unexpected argument « ${positionals[0]} ».`);
  if (!values.out) throw new UsageError("--out <folder> is required.");
  const started = performance.now();
  const files = await generateLargeFiles({
    outDir: fromCaller(values.out),
    services: numberOption(values.services, 50_000, "services", (n) => Number.isInteger(n) && n > 0),
    seed: numberOption(values.seed, 2026, "seed", Number.isInteger),
    territoryShare: numberOption(values["territory-share"], 0.1, "territory-share", (n) => n >= 0 && n <= 1),
    invalidShare: numberOption(values["invalid-share"], 0.002, "invalid-share", (n) => n >= 0 && n <= 1),
  });
  console.log(`${files.counts.structures} structures → ${files.structures}\n${files.counts.services} services → ${files.services}\n(${Math.round(performance.now() - started)} ms)`);
  return 0;
});
