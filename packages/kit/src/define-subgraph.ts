import { readFileSync } from "node:fs";
import path from "node:path";
import type { BaseContext } from "@apollo/server";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DocumentNode } from "graphql";
import { gql } from "graphql-tag";
import { openDatabase, type Database, type PrismaLike } from "./db.ts";
import { listen } from "./http.ts";
import { assertSubgraphAccess, subgraphEdgeSettings, type SubgraphEdgeSettings } from "./gateway-access.ts";
import { onShutdown, subgraphConfig } from "./subgraph.ts";
import { createSubgraphServer, type SubgraphRequest } from "./subgraph-server.ts";

export interface SeedOptions {
  seed: number;
  scale: number;
}

export interface SubgraphDefinition<Client extends PrismaLike, Ctx extends BaseContext> {
  name: string;
  defaultPort: number;
  /** The subgraph's folder: holds schema.graphql and prisma/migrations. */
  packageDir: string;
  createClient: (adapter: SqlDriverAdapterFactory) => Client;
  createContext: (db: Database<Client>, request?: SubgraphRequest) => Ctx;
  resolvers: unknown;
  /** Loads the subgraph's reference and sample data; idempotent. Returns a one-line summary. */
  seed: (db: Database<Client>, options: SeedOptions) => Promise<string>;
  isEmpty: (db: Database<Client>) => Promise<boolean>;
}

export interface OpenOptions {
  url?: string;
  dataDir?: string;
  /** Seed on open when the database is empty (default true). */
  seedWhenEmpty?: boolean;
  sample?: SeedOptions;
}

/**
 * Fresh planner statistics after a bulk load: without them PostgreSQL (and PGlite, which has no
 * autovacuum) scans whole tables where an index would serve.
 */
async function analyze(db: Database<PrismaLike>): Promise<void> {
  await db.sql.exec("ANALYZE");
}

/**
 * Everything a subgraph process does besides its own schema and resolvers: open and migrate its
 * database, seed it when empty, serve it, and its `start` and `seed` commands.
 */
export function defineSubgraph<Client extends PrismaLike, Ctx extends BaseContext>(def: SubgraphDefinition<Client, Ctx>) {
  const typeDefs: DocumentNode = gql(readFileSync(path.join(def.packageDir, "schema.graphql"), "utf8"));
  const config = () => subgraphConfig(def.name, def.defaultPort, def.packageDir);

  async function open(options: OpenOptions = {}): Promise<Database<Client>> {
    const db = await openDatabase(
      {
        name: def.name,
        url: options.url,
        dataDir: options.dataDir ?? config().dataDir,
        migrationsDir: path.join(def.packageDir, "prisma", "migrations"),
      },
      def.createClient,
    );
    try {
      if (options.seedWhenEmpty !== false && (await def.isEmpty(db))) {
        await def.seed(db, options.sample ?? { seed: 2026, scale: 1 });
        await analyze(db);
      }
    } catch (error) {
      await db.close();
      throw error;
    }
    return db;
  }

  /** The subgraph's server; its edge settings (gateway secret, open mode, body limit) come from the environment unless given. */
  const createServer = (db: Database<Client>, edge: Partial<SubgraphEdgeSettings> = {}) => {
    const settings = { ...subgraphEdgeSettings(), ...edge };
    return createSubgraphServer({
      name: def.name,
      typeDefs,
      resolvers: def.resolvers,
      db,
      context: def.createContext,
      access: settings.access,
      mode: settings.mode,
      maxBodyBytes: settings.maxBodyBytes,
      peerUrls: settings.peerUrls,
    });
  };

  /** `pnpm start` of the subgraph: listens on `<NAME>_PORT`. */
  async function main(sample?: SeedOptions): Promise<void> {
    const cfg = config();
    let settings: SubgraphEdgeSettings;
    try {
      settings = subgraphEdgeSettings();
      assertSubgraphAccess(def.name, settings);
    } catch (error) {
      console.error(`✖ ${(error as Error).message}`);
      process.exit(1);
    }
    const db = await open({ url: cfg.databaseUrl, dataDir: cfg.dataDir, sample });
    const { http, apollo } = await createServer(db, settings);
    const edge = await listen(http, cfg.port, cfg.host);
    const access = settings.access.secret
      ? settings.access.open
        ? "the gateway's secret, or none (CTG_SUBGRAPH_OPEN=1)"
        : "the gateway's secret only"
      : "anyone, as a resident (CTG_SUBGRAPH_OPEN=1, local development)";
    console.log(`${def.name} subgraph ready at ${edge.url} (${db.kind}: ${db.location}; answers ${access})`);
    onShutdown(async () => {
      await edge.close();
      await apollo.stop();
      await db.close();
    });
  }

  /** `pnpm seed` of the subgraph. */
  async function seedMain(sample: SeedOptions): Promise<void> {
    const cfg = config();
    const db = await open({ url: cfg.databaseUrl, dataDir: cfg.dataDir, seedWhenEmpty: false });
    try {
      const started = Date.now();
      const summary = await def.seed(db, sample);
      await analyze(db);
      console.log(`${def.name} seeded in ${Date.now() - started} ms (${db.kind}: ${db.location}, seed ${sample.seed}, scale ${sample.scale}): ${summary}`);
    } finally {
      await db.close();
    }
  }

  return { name: def.name, typeDefs, open, createServer, main, seedMain, createContext: def.createContext };
}
