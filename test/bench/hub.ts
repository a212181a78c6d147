import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SUBGRAPHS = ["partners", "territories", "services", "funding"] as const;

export interface BenchHub {
  ports: Record<(typeof SUBGRAPHS)[number] | "gateway" | "bot", number>;
  gatewayUrl: string;
  botUrl: string;
  /** Sum of the SQL statements the subgraphs have run (from their /metrics). */
  sqlStatements(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The whole hub as separate processes (scripts/dev.ts), on fresh embedded databases in a temporary
 * folder and on ports from `basePort`, seeded at `scale`: what a benchmark measures.
 */
export async function startBenchHub(options: { scale: number; basePort: number; withBot: boolean; postgresUrl?: string }): Promise<BenchHub> {
  const dataRoot = mkdtempSync(path.join(tmpdir(), `ctg-bench-${options.scale}-`));
  const databases = options.postgresUrl ? await createDatabases(options.postgresUrl, options.scale) : null;
  const p = options.basePort;
  const ports = { gateway: p, partners: p + 1, territories: p + 2, services: p + 3, funding: p + 4, bot: p + 5 };
  const env: Record<string, string> = { ...(process.env as Record<string, string>), CTG_SCALE: String(options.scale), CHECKPOINT_DISABLE: "1" };
  // A benchmark measures throughput: the per-client rate limits would measure themselves instead.
  for (const name of ["CTG_GATEWAY_RATE_PER_MINUTE", "CTG_BOT_CONVERSATION_RATE_PER_MINUTE", "CTG_BOT_ADDRESS_RATE_PER_MINUTE"]) env[name] ??= "0";
  if (!options.withBot) env.CTG_NO_BOT = "1";
  for (const name of SUBGRAPHS) {
    env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
    env[`${name.toUpperCase()}_DATA_DIR`] = path.join(dataRoot, name);
    if (databases) env[`${name.toUpperCase()}_DATABASE_URL`] = databases.urls[name];
  }
  env.GATEWAY_PORT = String(ports.gateway);
  env.BOT_PORT = String(ports.bot);
  const hub: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise((resolve) => hub.once("exit", resolve));
  const stop = async () => {
    hub.kill("SIGINT");
    await exited;
    rmSync(dataRoot, { recursive: true, force: true });
    await databases?.drop();
  };
  const readyUrl = `http://127.0.0.1:${options.withBot ? ports.bot : ports.gateway}/ready`;
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(readyUrl, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() - started > 900_000 || hub.exitCode !== null) {
      await stop();
      throw new Error(`the hub did not get ready (${readyUrl})`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`scale ${options.scale}: hub up and seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (${databases ? "PostgreSQL server" : "embedded PGlite"})`);
  return {
    ports,
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    botUrl: `http://127.0.0.1:${ports.bot}`,
    sqlStatements: async () => {
      let total = 0;
      for (const name of SUBGRAPHS) {
        const text = await (await fetch(`http://127.0.0.1:${ports[name]}/metrics`)).text();
        total += Number(text.match(/ctg_sql_statements_total\{[^}]*\} (\d+)/)?.[1] ?? 0);
      }
      return total;
    },
    stop,
  };
}

/** One fresh database per subgraph on a PostgreSQL server, dropped after the run. */
async function createDatabases(serverUrl: string, scale: number) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const urls = {} as Record<(typeof SUBGRAPHS)[number], string>;
  const names: string[] = [];
  for (const name of SUBGRAPHS) {
    const db = `ctg_bench_${name}_${scale}_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS "${db}"`);
    await admin.query(`CREATE DATABASE "${db}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${db}`;
    urls[name] = url.toString();
    names.push(db);
  }
  await admin.end();
  return {
    urls,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      for (const db of names) await client.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** `--postgres URL`: run on a PostgreSQL server instead of the embedded databases. */
export const postgresArg = (): string | undefined => {
  const i = process.argv.indexOf("--postgres");
  return i >= 0 ? process.argv[i + 1] : undefined;
};

export const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
