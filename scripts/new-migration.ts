/**
 * `pnpm migration:new <name>`, run in a subgraph's folder after editing prisma/schema.prisma:
 * writes prisma/migrations/<timestamp>_<name>/migration.sql, the SQL that takes a database from
 * the committed schema (git HEAD) to the edited one, with `prisma migrate diff` (no database
 * needed). Read the SQL before committing it: a rename comes out as a drop and an add.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error("usage: pnpm migration:new <name>   (snake_case, e.g. add_versions)");
  process.exit(2);
}
const schema = path.resolve("prisma/schema.prisma");
const relative = path.relative(execFileSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8" }).trim(), schema);
const work = mkdtempSync(path.join(tmpdir(), "ctg-migration-"));
try {
  const committed = path.join(work, "schema.prisma");
  writeFileSync(committed, execFileSync("git", ["show", `HEAD:${relative}`], { encoding: "utf8" }));
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-schema-datamodel", committed, "--to-schema-datamodel", schema, "--script"],
    { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } },
  );
  if (/This is an empty migration/.test(sql)) {
    console.log("schema.prisma has no change since the last commit: no migration written.");
    process.exit(0);
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.resolve("prisma/migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql — read it, then commit it with schema.prisma`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
