import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createTestDatabase, type TestDatabase } from "@ctg/kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFixture, scratch, VALID } from "./support.ts";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

/** Runs a command of the package as a person would, with the databases of `env`. */
async function cli(script: "import" | "export", args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", path.join("src", "cli", `${script}.ts`), ...args], {
      cwd: packageDir,
      env: { ...process.env, ...env, CTG_DEBUG: "" },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const files = scratch();
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at /);

describe("the import command refuses bad input with a clear message and no stack trace", () => {
  it.each([
    ["no files", [], /^Expected two files, the structures then the services \(got 0\)\.\n\nUsage: pnpm import:data-inclusion/],
    ["an unknown option", [VALID.structures, VALID.services, "--force"], /^Unknown option '--force'/],
    ["a missing file", [path.join(files.dir, "absent.json"), VALID.services], /^The structures file .*absent\.json does not exist or cannot be read\.$/],
    ["an empty file", [VALID.structures, files.write("empty.json", "  \n")], /^The services file .*empty\.json is empty: it must hold a JSON array of data·inclusion services\.$/],
    ["a JSON object instead of an array", [VALID.structures, files.write("page.json", '{"items": [], "total": 0}')], /^The services file .*page\.json must hold a JSON array of data·inclusion services, but it starts with a JSON object\.$/],
    ["a file that is not JSON", [files.write("notes.txt", "id;nom\n1;Crèche"), VALID.services], /^The structures file .*notes\.txt must hold a JSON array of data·inclusion structures, but it starts with « i »\.$/],
  ])("refuses %s", async (_, args, message) => {
    const result = await cli("import", args);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(message);
    noStackTrace(result.stderr);
    expect(result.stdout).toBe("");
  });
});

describe("the import and export commands on real databases", () => {
  let env: NodeJS.ProcessEnv;
  const testDbs: TestDatabase[] = [];
  beforeAll(async () => {
    if (process.env.CTG_TEST_POSTGRES_URL) {
      testDbs.push(await createTestDatabase("di_cli_partners"), await createTestDatabase("di_cli_services"));
      env = { PARTNERS_DATABASE_URL: testDbs[0].url, SERVICES_DATABASE_URL: testDbs[1].url };
    } else {
      env = { PARTNERS_DATABASE_URL: "", SERVICES_DATABASE_URL: "", PARTNERS_DATA_DIR: path.join(files.dir, "partners"), SERVICES_DATA_DIR: path.join(files.dir, "services") };
    }
  });
  afterAll(async () => {
    for (const db of testDbs) await db.drop();
  });

  it("reports invalid JSON met while streaming, naming the file and how far it got", async () => {
    const broken = files.write("broken.json", `[${JSON.stringify(readFixture("services.json")[0])}, {"source": "dora", "id": `);
    const result = await cli("import", [VALID.structures, broken], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^The services file .*broken\.json is not valid JSON after its 1 first element\(s\): .+\.$/);
    noStackTrace(result.stderr);
  }, 180_000);

  it("notices structures and services given the wrong way round", async () => {
    const result = await cli("import", [VALID.services, VALID.structures], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/holds no record with a structure_id: is it a structures file\? The arguments are <structures\.json> <services\.json>\.$/);
  }, 180_000);

  it("imports the fixtures, refuses a file with invalid records in strict mode, then exports valid files", async () => {
    const imported = await cli("import", [VALID.structures, VALID.services], env);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/services {2}created 22, updated 0, archived 0, unchanged 0/);

    const mixed = files.write("mixed.json", [...readFixture("services.json"), ...readFixture("invalid-services.json")]);
    const refused = await cli("import", [VALID.structures, mixed], env);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/invalid {3}11 records:\n {4}services #29 \(dora--sans-structure\): structure_id: is required\n/);
    expect(refused.stdout).toMatch(/Strict mode: nothing was written\./);

    const out = path.join(files.dir, "export");
    const exported = await cli("export", ["--out", out], env);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^data·inclusion export: \d+ structures → .*structures\.json, \d+ services → .*services\.json\./);
    expect(existsSync(path.join(out, "services.json"))).toBe(true);
    const services = JSON.parse(readFileSync(path.join(out, "services.json"), "utf8")) as unknown[];
    expect(services.length).toBeGreaterThan(0);
  }, 360_000);
});
