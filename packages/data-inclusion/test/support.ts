import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@ctg/kit/testing";
import { partners } from "@ctg/subgraph-partners/src/server.ts";
import { services } from "@ctg/subgraph-services/src/server.ts";
import type { HubDatabases } from "../src/databases.ts";

export const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const readFixture = (name: string) => JSON.parse(readFileSync(fixturePath(name), "utf8")) as Record<string, unknown>[];
export const VALID = { structures: fixturePath("structures.json"), services: fixturePath("services.json") };

/** A folder of its own for a test's files. */
export function scratch(): { dir: string; write(name: string, records: unknown): string } {
  const dir = mkdtempSync(path.join(tmpdir(), "ctg-di-test-"));
  return {
    dir,
    write(name, records) {
      const file = path.join(dir, name);
      writeFileSync(file, typeof records === "string" ? records : JSON.stringify(records, null, 1));
      return file;
    },
  };
}

export interface TestHub extends HubDatabases {
  close(): Promise<void>;
}

/**
 * A partners database with the reference partners (seeded as the hub seeds it) and a services
 * database, empty unless `sampleServices`; each on a database of its own (PGlite in memory, or a
 * fresh database on CTG_TEST_POSTGRES_URL).
 */
export async function openTestHub(label: string, options: { sampleServices?: boolean } = {}): Promise<TestHub> {
  const testDbs: TestDatabase[] = [await createTestDatabase(`${label}_partners`), await createTestDatabase(`${label}_services`)];
  const partnersDb = await partners.open({ url: testDbs[0].url });
  const servicesDb = await services.open({ url: testDbs[1].url, seedWhenEmpty: !!options.sampleServices });
  return {
    partners: partnersDb,
    services: servicesDb,
    async close() {
      // After a failed COMMIT, @prisma/adapter-pg 6.19 never releases the connection and closing waits on it forever.
      await Promise.race([Promise.allSettled([partnersDb.close(), servicesDb.close()]), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      for (const db of testDbs) await db.drop();
    },
  };
}

/** Everything an import may touch, in a stable order: equal snapshots mean nothing changed. */
export async function snapshot(hub: HubDatabases) {
  return {
    partners: await hub.partners.prisma.partner.findMany({ orderBy: { id: "asc" } }),
    services: await hub.services.prisma.service.findMany({ orderBy: { id: "asc" }, include: { area: { orderBy: { communeCode: "asc" } } } }),
  };
}

/** Removes what imports created, keeping the seeded reference partners. */
export async function forgetImports(hub: HubDatabases): Promise<void> {
  await hub.services.prisma.service.deleteMany({ where: { originSource: { not: null } } });
  await hub.partners.prisma.partner.deleteMany({ where: { originSource: { not: null } } });
}
