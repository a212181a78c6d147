/**
 * bench:import — records per second and peak memory of `import:data-inclusion` on generated files
 * of 10 000 and 50 000 services across France (10 % in the agglomeration).
 *
 * Each run is a child process on fresh databases (embedded PGlite folders; the PostgreSQL server of
 * CTG_TEST_POSTGRES_URL when set), so its peak RSS is its own. The time counts reading, validating,
 * resolving, planning and writing — not opening the databases. A second child only reads and
 * validates the files, to show the streaming reader's memory apart from the databases'. Both run
 * under a V8 heap ceiling (160 and 96 MB): they could not finish if memory followed the file.
 *
 *   pnpm bench:import                      # 10 000 and 50 000 services
 *   pnpm bench:import -- --sizes 10000,50000,200000
 */
import { execFileSync } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateLargeFiles } from "../src/generate.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2).filter((a) => a !== "--");
const sizesArg = argv.indexOf("--sizes");
const sizes = sizesArg >= 0 ? argv[sizesArg + 1].split(",").map(Number) : [10_000, 50_000];
const work = path.join(tmpdir(), "ctg-bench-import");

interface RunResult {
  records: number;
  services: number;
  createdServices: number;
  createdPartners: number;
  invalid: number;
  seconds: number;
  peakRssMb: number;
  rssBeforeMb: number;
}

function child(mode: "import" | "read", dir: string, nodeOptions: string[] = []): RunResult {
  const out = execFileSync(process.execPath, [...nodeOptions, "--import", "tsx", path.join(here, "import-run.ts"), mode, dir], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as RunResult;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const rows: string[] = [];
for (const size of sizes) {
  const dir = path.join(work, String(size));
  if (!existsSync(path.join(dir, "services.json"))) {
    process.stderr.write(`generating ${size} services in ${dir}…\n`);
    await generateLargeFiles({ services: size, outDir: dir, seed: 2026 });
  }
  const bytes = statSync(path.join(dir, "services.json")).size + statSync(path.join(dir, "structures.json")).size;
  process.stderr.write(`importing ${size} services (${mb(bytes)})…\n`);
  // Heap ceilings prove memory does not follow the file: V8 left alone grows its heap lazily,
  // and the peak RSS would say more about its garbage collector than about the import.
  const read = child("read", dir, ["--max-old-space-size=96"]);
  const run = child("import", dir, ["--max-old-space-size=160"]);
  rows.push(
    `| ${size.toLocaleString("en")} | ${mb(bytes)} | ${run.records.toLocaleString("en")} | ${run.seconds.toFixed(1)} s | ${Math.round(run.records / run.seconds).toLocaleString("en")} | ${run.createdServices.toLocaleString("en")} / ${run.createdPartners.toLocaleString("en")} | ${run.invalid} | ${run.peakRssMb} MB (${run.rssBeforeMb} MB with the databases open) | ${Math.round(read.records / read.seconds).toLocaleString("en")} rec/s, peak RSS ${read.peakRssMb} MB |`,
  );
}

const target = process.env.CTG_TEST_POSTGRES_URL ? "PostgreSQL server" : "embedded PGlite";
console.log(`\nbench:import on ${target} (lenient mode; Node ${process.version})\n`);
console.log("| services in file | file size | records read | time | records/s | created services / partners | invalid | peak RSS (V8 heap capped at 160 MB) | read + validate only, no database, heap capped at 96 MB |");
console.log("|---|---|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
console.log("\nAim: ≥ 5 000 records/s; peak RSS about the same for both sizes (the files are streamed).");
if (argv.includes("--clean")) rmSync(work, { recursive: true, force: true });
