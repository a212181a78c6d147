import { identityOf } from "@ctg/kit";
import { communes, epci as referenceEpci } from "@ctg/territory-data/communes";
import { beforeAll, describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { seedSummary, seedTerritories } from "../src/seed-data.ts";
import { territories } from "../src/server.ts";

const subgraph = useSubgraph(territories, "territories_seed");
const run = subgraph.run;
const prisma = () => subgraph.db.prisma;

const ADMIN = identityOf("ADMIN");
const UPDATE_COMMUNE = `mutation($code: ID!, $v: Int!, $input: UpdateCommuneInput!) { updateCommune(code: $code, expectedVersion: $v, input: $input) { code version } }`;
const UPDATE_EPCI = `mutation($siren: ID!, $v: Int!, $input: UpdateEpciInput!) { updateEpci(siren: $siren, expectedVersion: $v, input: $input) { siren version } }`;
const TRAIL = `query($id: ID) { territoryAuditTrail(entityId: $id) { id action outcome versionBefore versionAfter } }`;

const GOSNAY = "62377";
const BETHUNE = "62119";
const commune = (code: string) => prisma().commune.findUniqueOrThrow({ where: { code } });
const epci = () => prisma().epci.findUniqueOrThrow({ where: { siren: referenceEpci.siren } });

async function trail(id: string) {
  const result = await run(TRAIL, { id }, ADMIN);
  expect(result.errors).toBeUndefined();
  return result.data!.territoryAuditTrail as { action: string; outcome: string; versionBefore: number; versionAfter: number }[];
}

describe("re-seeding never undoes what people changed in the hub", () => {
  beforeAll(async () => {
    // Corrections through the graph by an ADMIN: version 2, an audit entry each.
    const corrected = await run(UPDATE_COMMUNE, { code: GOSNAY, v: 1, input: { population: 1234, postalCodes: ["62199", "62190"] } }, ADMIN);
    expect(corrected.errors).toBeUndefined();
    const renamed = await run(UPDATE_EPCI, { siren: referenceEpci.siren, v: 1, input: { name: "Agglo test" } }, ADMIN);
    expect(renamed.errors).toBeUndefined();
    // A commune changed behind the hub's back (no version move, no audit entry).
    await prisma().commune.update({ where: { code: BETHUNE }, data: { name: "Béthune (changé en base)", population: 1, postalCodes: ["62000"], lat: null } });
  });

  it("keeps the corrections, their versions and their audit trail, and restores the commune changed behind its back", async () => {
    const gosnayBefore = await commune(GOSNAY);
    const epciBefore = await epci();
    const trails = [await trail(GOSNAY), await trail(referenceEpci.siren)];
    const auditEntries = await prisma().auditEntry.count();

    const report = await seedTerritories(prisma());
    expect(report).toEqual({ communes: 100, epcis: 1, inserted: 0, restored: 1, kept: 2 });
    expect(seedSummary(report)).toBe("100 communes, 1 EPCI: 0 inserted, 1 restored to the reference, kept 2 records edited in the hub");

    expect(await commune(GOSNAY)).toEqual(gosnayBefore);
    expect(gosnayBefore).toMatchObject({ population: 1234, postalCodes: ["62190", "62199"], version: 2 });
    expect(await epci()).toEqual(epciBefore);
    expect(epciBefore).toMatchObject({ name: "Agglo test", version: 2 });
    expect([await trail(GOSNAY), await trail(referenceEpci.siren)]).toEqual(trails);
    for (const entries of trails) expect(entries).toEqual([expect.objectContaining({ action: "UPDATE", outcome: "APPLIED", versionBefore: 1, versionAfter: 2 })]);
    expect(await prisma().auditEntry.count()).toBe(auditEntries);

    const reference = communes.find((c) => c.code === BETHUNE)!;
    expect(await commune(BETHUNE)).toMatchObject({ name: reference.name, population: reference.population, postalCodes: reference.postalCodes, lat: reference.lat, lon: reference.lon, version: 1 });
  });

  it("changes nothing when run again", async () => {
    const before = await prisma().commune.findMany({ orderBy: { code: "asc" } });
    expect(await seedTerritories(prisma())).toEqual({ communes: 100, epcis: 1, inserted: 0, restored: 0, kept: 2 });
    expect(await prisma().commune.findMany({ orderBy: { code: "asc" } })).toEqual(before);
  });
});
