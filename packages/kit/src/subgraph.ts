import path from "node:path";

export interface ProcessConfig {
  name: string;
  port: number;
  host: string;
  /** PostgreSQL URL when set; otherwise the embedded database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
}

function envPort(value: string | undefined, fallback: number, variable: string): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${variable} must be a TCP port (got ${JSON.stringify(value)})`);
  return port;
}

/**
 * Reads a subgraph's settings from the environment: `<NAME>_PORT`, `<NAME>_DATABASE_URL`,
 * `<NAME>_DATA_DIR` (e.g. `SERVICES_DATABASE_URL`), and `HOST` for all.
 */
export function subgraphConfig(name: string, defaultPort: number, packageDir: string): ProcessConfig {
  const prefix = name.toUpperCase();
  return {
    name,
    port: envPort(process.env[`${prefix}_PORT`], defaultPort, `${prefix}_PORT`),
    host: process.env.HOST ?? "127.0.0.1",
    databaseUrl: process.env[`${prefix}_DATABASE_URL`] || undefined,
    dataDir: process.env[`${prefix}_DATA_DIR`] ?? path.join(packageDir, ".data", "pglite"),
  };
}

/** Runs `stop` once on SIGINT/SIGTERM, then exits; a stop that takes over 5 s is cut short. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error(`stop on ${signal} took over 5 s; exiting anyway`);
      process.exit(1);
    }, 5_000).unref();
    stop()
      .catch((error) => console.error(`error while stopping on ${signal}:`, error))
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
