#!/usr/bin/env node
// The README's two commands, `npm start` and `npm test`, land here. Plain Node, no dependency:
// it brings pnpm, installs, generates code, then starts the hub or runs the tests.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = "12.4.2";
const command = process.argv[2] ?? "start";
const rest = process.argv.slice(3);

const [major] = process.versions.node.split(".").map(Number);
if (major < 20) {
  console.error(`The CTG hub needs Node.js 20 or newer (this is ${process.version}).`);
  process.exit(1);
}

const step = (text) => console.log(`\x1b[36m▸\x1b[0m ${text}`);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { CHECKPOINT_DISABLE: "1", ...process.env, ...options.env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmCommand() {
  const found = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (found.status === 0 && found.stdout.trim() === PNPM_VERSION) return ["pnpm", []];
  // Corepack is not reliable offline; npx fetches the pinned pnpm from the npm registry once.
  return ["npx", ["-y", `pnpm@${PNPM_VERSION}`]];
}
const [pnpmBin, pnpmPrefix] = pnpmCommand();
const pnpm = (args, options) => run(pnpmBin, [...pnpmPrefix, ...args], options);
const must = (status, what) => {
  if (status !== 0) {
    console.error(`✖ ${what} failed (exit ${status}).`);
    process.exit(status);
  }
};

/** Inputs of code generation: when none changed since the last run, generation is skipped. */
function generationInputs() {
  const files = ["codegen.ts", "pnpm-lock.yaml"];
  for (const name of readdirSync(path.join(root, "subgraphs"))) {
    files.push(`subgraphs/${name}/schema.graphql`, `subgraphs/${name}/prisma/schema.prisma`);
  }
  const botOperations = path.join(root, "bot", "src", "operations");
  if (existsSync(botOperations)) for (const f of readdirSync(botOperations).sort()) files.push(`bot/src/operations/${f}`);
  const hash = createHash("sha256");
  for (const f of files) if (existsSync(path.join(root, f))) hash.update(f).update(readFileSync(path.join(root, f)));
  return hash.digest("hex");
}

function setup() {
  step(`Installing dependencies with pnpm ${PNPM_VERSION}…`);
  must(pnpm(["install", "--frozen-lockfile", "--reporter=append-only"]), "pnpm install");
  const stamp = path.join(root, "node_modules", ".ctg-generated");
  const inputs = generationInputs();
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== inputs) {
    step("Generating the Prisma clients and the typed resolvers…");
    must(pnpm(["run", "--silent", "generate"]), "code generation");
    writeFileSync(stamp, inputs);
  }
}

switch (command) {
  case "setup":
    setup();
    break;
  case "start":
    setup();
    step("Starting the hub (Ctrl-C stops it)…");
    process.exit(pnpm(["exec", "tsx", "scripts/dev.ts", ...rest]));
    break;
  case "test":
    setup();
    step("Type-checking…");
    must(pnpm(["exec", "tsc", "-p", "tsconfig.json", "--noEmit"]), "type-check");
    step("Running the test suite…");
    process.exit(pnpm(["exec", "vitest", "run", ...rest]));
    break;
  default:
    console.error(`Unknown command ${command}: use start, test or setup.`);
    process.exit(2);
}
