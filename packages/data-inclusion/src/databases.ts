import type { Database } from "@ctg/kit";
import type { PrismaClient as PartnersClient } from "@ctg/subgraph-partners/src/generated/prisma/client.ts";
import { partners } from "@ctg/subgraph-partners/src/server.ts";
import type { PrismaClient as ServicesClient } from "@ctg/subgraph-services/src/generated/prisma/client.ts";
import { services } from "@ctg/subgraph-services/src/server.ts";

export type PartnersDb = Database<PartnersClient>;
export type ServicesDb = Database<ServicesClient>;

export interface HubDatabases {
  partners: PartnersDb;
  services: ServicesDb;
}

/**
 * The partners and services databases, opened and migrated as their subgraphs do, from the same
 * settings (`<NAME>_DATABASE_URL`, else the embedded database in `<NAME>_DATA_DIR`). An embedded
 * database is locked by the process that opens it: the hub must be stopped meanwhile.
 */
export async function openHubDatabases(env: NodeJS.ProcessEnv = process.env): Promise<HubDatabases> {
  const partnersDb = await partners.open({ url: env.PARTNERS_DATABASE_URL || undefined, dataDir: env.PARTNERS_DATA_DIR || undefined }).catch(explain);
  try {
    const servicesDb = await services.open({ url: env.SERVICES_DATABASE_URL || undefined, dataDir: env.SERVICES_DATA_DIR || undefined }).catch(explain);
    return { partners: partnersDb, services: servicesDb };
  } catch (error) {
    await partnersDb.close();
    throw error;
  }
}

/** The embedded database's lock says who holds it; say why it matters here. */
function explain(error: unknown): never {
  if (error instanceof Error && /is in use by process/.test(error.message)) {
    throw new Error(
      `${error.message} The hub must be stopped while data·inclusion files are imported or exported with its embedded databases; with PostgreSQL (PARTNERS_DATABASE_URL, SERVICES_DATABASE_URL) it can keep running.`,
      { cause: error },
    );
  }
  throw error;
}

export async function closeHubDatabases(dbs: HubDatabases): Promise<void> {
  await Promise.allSettled([dbs.partners.close(), dbs.services.close()]);
}
