/** One bench:import run in its own process: `import <dir>` on fresh databases, or `read <dir>` (no database). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@ctg/kit/testing";
import { partners } from "@ctg/subgraph-partners/src/server.ts";
import { services } from "@ctg/subgraph-services/src/server.ts";
import { importDataInclusion } from "../src/import/index.ts";
import { readJsonArray } from "../src/json-file.ts";
import { validateService, validateStructure } from "../src/validate.ts";

const [mode, dir] = process.argv.slice(2);
const files = { structures: path.join(dir, "structures.json"), services: path.join(dir, "services.json") };
const mb = (bytes: number) => Math.round(bytes / 1e6);
const peakRss = () => mb(process.resourceUsage().maxRSS * 1024);

if (mode === "read") {
  const started = performance.now();
  let records = 0;
  for await (const raw of readJsonArray(files.services, "services")) {
    validateService(raw);
    records++;
  }
  for await (const raw of readJsonArray(files.structures, "structures")) {
    validateStructure(raw);
    records++;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ records, seconds, peakRssMb: peakRss(), rssBeforeMb: 0, services: 0, createdServices: 0, createdPartners: 0, invalid: 0 }));
} else {
  const folder = mkdtempSync(path.join(tmpdir(), "ctg-bench-db-"));
  const testDbs: TestDatabase[] = [];
  const url = async (label: string) => {
    if (!process.env.CTG_TEST_POSTGRES_URL) return undefined;
    const db = await createTestDatabase(label);
    testDbs.push(db);
    return db.url;
  };
  const dbs = {
    partners: await partners.open({ url: await url("bench_partners"), dataDir: path.join(folder, "partners") }),
    services: await services.open({ url: await url("bench_services"), dataDir: path.join(folder, "services"), seedWhenEmpty: false }),
  };
  const rssBeforeMb = mb(process.memoryUsage().rss);
  try {
    const { report } = await importDataInclusion(files, dbs, { mode: "lenient" });
    console.log(
      JSON.stringify({
        records: report.read.structures + report.read.services,
        services: report.read.services,
        createdServices: report.services.created,
        createdPartners: report.partners.created,
        invalid: report.invalidCount,
        seconds: report.durationMs / 1000,
        peakRssMb: peakRss(),
        rssBeforeMb,
      }),
    );
  } finally {
    await dbs.partners.close();
    await dbs.services.close();
    for (const db of testDbs) await db.drop();
    rmSync(folder, { recursive: true, force: true });
  }
}
