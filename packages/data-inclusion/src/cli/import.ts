import { checkJsonArrayFile } from "../json-file.ts";
import { terminalProgress } from "../progress.ts";
import { fromCaller, readArguments, runCommand, UsageError } from "./run.ts";

const USAGE = `Usage: pnpm import:data-inclusion <structures.json> <services.json> [--lenient] [--dry-run]

Imports data·inclusion v1 structures and services into the hub's partners and services databases
(PARTNERS_/SERVICES_DATABASE_URL, else the embedded databases: stop the hub first).
  --lenient   skip invalid records and report them (default: strict, one invalid record and nothing is written)
  --dry-run   report what would change, write nothing`;

runCommand(USAGE, async () => {
  const { values, positionals } = readArguments({ lenient: { type: "boolean" }, "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 2) throw new UsageError(`Expected two files, the structures then the services (got ${positionals.length}).`);
  const files = { structures: fromCaller(positionals[0]), services: fromCaller(positionals[1]) };
  await checkJsonArrayFile(files.structures, "structures");
  await checkJsonArrayFile(files.services, "services");
  // Loaded once the input looks right: opening the databases loads both subgraphs.
  const [{ closeHubDatabases, openHubDatabases }, { importDataInclusion }, { formatReport }] = await Promise.all([
    import("../databases.ts"),
    import("../import/index.ts"),
    import("../import/report.ts"),
  ]);
  const dbs = await openHubDatabases();
  try {
    const { report } = await importDataInclusion(files, dbs, {
      mode: values.lenient ? "lenient" : "strict",
      dryRun: values["dry-run"],
      progress: terminalProgress(),
    });
    console.log(formatReport(report));
    return report.mode === "strict" && report.invalidCount ? 1 : 0;
  } finally {
    await closeHubDatabases(dbs);
  }
});
