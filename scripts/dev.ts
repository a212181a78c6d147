import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Starts the hub as separate processes — the four subgraphs, then the gateway, then the bot —
 * waits for each on /ready, prints their URLs, and stops them all on Ctrl-C.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Proc {
  name: string;
  entry: string;
  port: number;
  path: string;
}

const env = { ...process.env };
// The subgraphs answer only the gateway: a fresh shared secret each run, unless one is given.
if (!env.CTG_GATEWAY_SECRET) env.CTG_GATEWAY_SECRET = randomBytes(32).toString("base64url");
const port = (name: string, fallback: number) => Number(env[`${name.toUpperCase()}_PORT`] ?? fallback);
const subgraphs: Proc[] = [
  { name: "partners", entry: "subgraphs/partners/src/index.ts", port: port("partners", 4001), path: "/graphql" },
  { name: "territories", entry: "subgraphs/territories/src/index.ts", port: port("territories", 4002), path: "/graphql" },
  { name: "services", entry: "subgraphs/services/src/index.ts", port: port("services", 4003), path: "/graphql" },
  { name: "funding", entry: "subgraphs/funding/src/index.ts", port: port("funding", 4004), path: "/graphql" },
];
const gateway: Proc = { name: "gateway", entry: "gateway/src/index.ts", port: port("gateway", 4000), path: "/graphql" };
const bot: Proc = { name: "bot", entry: "bot/src/index.ts", port: port("bot", 3000), path: "/" };

const COLORS: Record<string, string> = { partners: "35", territories: "32", services: "34", funding: "33", gateway: "36", bot: "31" };
const children = new Map<string, ChildProcess>();
/** Resolved when each child has exited: recorded at spawn, since Ctrl-C may reach the children first. */
const exited = new Map<string, Promise<void>>();
let stopping = false;

function prefixLines(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) {
  let buffer = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) out.write(`\x1b[${COLORS[name]}m${name.padEnd(11)}\x1b[0m│ ${line}\n`);
  });
}

function start(proc: Proc, extraEnv: Record<string, string> = {}): ChildProcess {
  // CTG_NODE_ARGS passes flags to every child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile.
  const nodeArgs = (env.CTG_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", proc.entry, ...process.argv.slice(2)], {
    cwd: root,
    env: { ...env, CHECKPOINT_DISABLE: "1", [`${proc.name.toUpperCase()}_PORT`]: String(proc.port), ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  prefixLines(proc.name, child.stdout!, process.stdout);
  prefixLines(proc.name, child.stderr!, process.stderr);
  exited.set(proc.name, new Promise((resolve) => child.once("exit", () => resolve())));
  child.on("exit", (code, signal) => {
    children.delete(proc.name);
    if (!stopping) {
      console.error(`✖ ${proc.name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the hub.`);
      void stopAll(1);
    }
  });
  children.set(proc.name, child);
  return child;
}

async function waitReady(proc: Proc, timeoutMs = 180_000): Promise<number> {
  const started = Date.now();
  let last = "";
  while (Date.now() - started < timeoutMs) {
    if (stopping) throw new Error("stopping");
    try {
      const response = await fetch(`http://127.0.0.1:${proc.port}/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return Date.now() - started;
      last = await response.text();
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${proc.name} was not ready after ${timeoutMs / 1000} s (${last})`);
}

async function stopAll(code = 0): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nStopping the hub…");
    for (const child of children.values()) child.kill("SIGTERM");
    const timer = setTimeout(() => {
      for (const child of children.values()) child.kill("SIGKILL");
    }, 8_000);
    await Promise.all(exited.values());
    clearTimeout(timer);
    console.log("All processes stopped.");
  }
  process.exit(code);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

try {
  console.log("Starting the four subgraphs (the first start creates and seeds their embedded databases)…");
  // Every process learns where the subgraphs are: the gateway routes to them, and the services
  // subgraph asks the partners subgraph for its half of a data·inclusion import.
  const urls = Object.fromEntries(subgraphs.map((p) => [`${p.name.toUpperCase()}_URL`, `http://127.0.0.1:${p.port}/graphql`]));
  for (const proc of subgraphs) start(proc, urls);
  await Promise.all(
    subgraphs.map(async (proc) => console.log(`  ✔ ${proc.name.padEnd(11)} ready in ${((await waitReady(proc)) / 1000).toFixed(1)} s`)),
  );
  start(gateway, urls);
  console.log(`  ✔ gateway     ready in ${((await waitReady(gateway)) / 1000).toFixed(1)} s`);
  const withBot = !env.CTG_NO_BOT && existsSync(path.join(root, bot.entry));
  if (withBot) {
    start(bot, { GATEWAY_URL: `http://127.0.0.1:${gateway.port}/graphql` });
    console.log(`  ✔ bot         ready in ${((await waitReady(bot)) / 1000).toFixed(1)} s`);
  }
  console.log("\nThe CTG hub is running:");
  for (const p of [...subgraphs, gateway, ...(withBot ? [bot] : [])]) {
    console.log(`  ${p.name.padEnd(11)} http://localhost:${p.port}${p.path}`);
  }
  console.log("Press Ctrl-C to stop.\n");
} catch (error) {
  if (!stopping) {
    console.error(`✖ ${(error as Error).message}`);
    await stopAll(1);
  }
}
