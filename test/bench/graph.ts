import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

/**
 * bench:graph — the query commune → services → operator → fundings on a large commune (Béthune),
 * through the gateway, with the hub running as separate processes on fresh embedded databases:
 * p50/p99 latency and requests/s at 32 connections for 20 s, and SQL statements per operation,
 * at scale 1 and at the scale given (`--scale 20` by default).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SCALES = [1, arg("scale", 20)];
const DURATION = arg("duration", 20);
const CONNECTIONS = arg("connections", 32);
const BASE_PORT = 14600;
const SUBGRAPHS = ["partners", "territories", "services", "funding"];

const QUERY = `query Bench($code: ID!) { commune(code: $code) { name services {
  id name operator { id name } fundings { amount mechanism funder { name } } } } }`;

async function waitReady(url: string, timeoutMs = 600_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not ready`);
}

async function sqlStatements(ports: number[]): Promise<number> {
  let total = 0;
  for (const port of ports) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    total += Number(text.match(/ctg_sql_statements_total\{[^}]*\} (\d+)/)?.[1] ?? 0);
  }
  return total;
}

async function benchScale(scale: number) {
  const dataRoot = mkdtempSync(path.join(tmpdir(), `ctg-bench-${scale}-`));
  const ports = { partners: BASE_PORT + 1, territories: BASE_PORT + 2, services: BASE_PORT + 3, funding: BASE_PORT + 4, gateway: BASE_PORT };
  const env: Record<string, string> = { ...process.env, CTG_SCALE: String(scale), CTG_NO_BOT: "1", CHECKPOINT_DISABLE: "1" } as Record<string, string>;
  for (const name of SUBGRAPHS) {
    env[`${name.toUpperCase()}_PORT`] = String(ports[name as keyof typeof ports]);
    env[`${name.toUpperCase()}_DATA_DIR`] = path.join(dataRoot, name);
  }
  env.GATEWAY_PORT = String(ports.gateway);
  const hub = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  try {
    const started = Date.now();
    await waitReady(`http://127.0.0.1:${ports.gateway}/ready`);
    console.log(`scale ${scale}: hub up and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const gateway = `http://127.0.0.1:${ports.gateway}/graphql`;
    const body = JSON.stringify({ query: QUERY, variables: { code: "62119" } });
    const first = (await (await fetch(gateway, { method: "POST", headers: { "content-type": "application/json" }, body })).json()) as any;
    if (first.errors) throw new Error(JSON.stringify(first.errors));
    const subgraphPorts = SUBGRAPHS.map((n) => ports[n as keyof typeof ports]);
    const before = await sqlStatements(subgraphPorts);
    await fetch(gateway, { method: "POST", headers: { "content-type": "application/json" }, body });
    const perOperation = (await sqlStatements(subgraphPorts)) - before;
    const services = first.data.commune.services.length;
    const fundings = first.data.commune.services.reduce((n: number, s: { fundings: unknown[] }) => n + s.fundings.length, 0);
    const result = await autocannon({
      url: gateway,
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      connections: CONNECTIONS,
      duration: DURATION,
    });
    return {
      scale,
      services,
      fundings,
      sqlPerOperation: perOperation,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rps: result.requests.average,
      errors: result.errors + result.non2xx,
    };
  } finally {
    hub.kill("SIGINT");
    await new Promise((r) => hub.once("exit", r));
    rmSync(dataRoot, { recursive: true, force: true });
  }
}

const rows = [];
for (const scale of SCALES) rows.push(await benchScale(scale));
console.log(`\nbench:graph — commune(62119 Béthune) → services → operator → fundings, ${CONNECTIONS} connections, ${DURATION} s each`);
console.log("scale  services  fundings  SQL/op  p50 ms  p99 ms  req/s   errors");
for (const r of rows) {
  console.log(
    `${String(r.scale).padEnd(6)} ${String(r.services).padEnd(9)} ${String(r.fundings).padEnd(9)} ${String(r.sqlPerOperation).padEnd(7)} ${String(r.p50).padEnd(7)} ${String(r.p99).padEnd(7)} ${r.rps.toFixed(1).padEnd(7)} ${r.errors}`,
  );
}
