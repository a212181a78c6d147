import { closeHubDatabases, openHubDatabases } from "../databases.ts";
import { exportDataInclusion, formatExportReport } from "../export/index.ts";
import { fromCaller, readArguments, runCommand, UsageError } from "./run.ts";

const USAGE = `Usage: pnpm export:data-inclusion [--out <folder>] [--include-sample] [--include-imported]

Writes the hub's services and their operators as data·inclusion v1 files, <folder>/structures.json
and <folder>/services.json [data-inclusion-export].
  --include-sample     also publish the illustrative sample services (marked as such)
  --include-imported   also publish services imported from other producers`;

runCommand(USAGE, async () => {
  const { values, positionals } = readArguments({
    out: { type: "string", default: "data-inclusion-export" },
    "include-sample": { type: "boolean" },
    "include-imported": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`Unexpected argument « ${positionals[0]} ».`);
  const dbs = await openHubDatabases();
  try {
    const report = await exportDataInclusion(dbs, fromCaller(values.out!), { includeSample: values["include-sample"], includeImported: values["include-imported"] });
    console.log(formatExportReport(report));
    return 0;
  } finally {
    await closeHubDatabases(dbs);
  }
});
