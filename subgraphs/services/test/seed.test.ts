import { identityOf } from "@ctg/kit";
import { sampleTerritory } from "@ctg/territory-data";
import { beforeAll, describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { seedServices } from "../src/seed-data.ts";
import { services } from "../src/server.ts";

const SAMPLE = { seed: 2026, scale: 1 };
const sample = sampleTerritory(SAMPLE).services;

const subgraph = useSubgraph(services, "services_seed", SAMPLE);
const run = subgraph.run;
const prisma = () => subgraph.db.prisma;

const admin = identityOf("ADMIN");

const CREATE = `mutation($input: CreateServiceInput!) { createService(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateServiceInput!) { updateService(id: $id, expectedVersion: $v, input: $input) { id name version } }`;
const AUDIT = `query($id: ID) { serviceAuditTrail(serviceId: $id) { id action outcome versionBefore versionAfter } }`;

/** Everything the seed could touch of a service: the row, its area and its contacts. */
async function snapshot(id: string) {
  const row = await prisma().service.findUniqueOrThrow({ where: { id } });
  const area = await prisma().serviceArea.findMany({ where: { serviceId: id }, orderBy: { communeCode: "asc" } });
  const contacts = await prisma().serviceContact.findMany({ where: { serviceId: id }, orderBy: { position: "asc" } });
  return { row, area: area.map((a) => a.communeCode), contacts };
}

async function auditTrail(id: string) {
  const result = await run(AUDIT, { id }, admin);
  expect(result.errors).toBeUndefined();
  return result.data!.serviceAuditTrail as { action: string; outcome: string; versionBefore: number | null; versionAfter: number | null }[];
}

// Two sample services in different communes, run by different operators.
const edited = sample.find((s) => s.type === "RPE")!;
const tampered = sample.find((s) => s.type === "EAJE" && s.operatorId !== edited.operatorId && s.communeCode !== edited.communeCode)!;
const areaCode = (s: typeof edited) => sample.map((o) => o.communeCode).find((code) => !s.serviceArea.includes(code))!;

describe("re-seeding never undoes what people changed in the hub", () => {
  let createdId: string;

  beforeAll(async () => {
    // An edit through the graph, by an editor of the operator: version 2, an audit entry.
    const owner = identityOf("PARTNER_EDITOR", edited.operatorId);
    const update = await run(
      UPDATE,
      {
        id: edited.id,
        v: 1,
        input: {
          name: `${edited.name} (horaires d'été)`,
          capacity: 12,
          openingHours: "Mo-Fr 09:00-12:00",
          serviceArea: [areaCode(edited)],
          contacts: [{ name: "Nadia Lefebvre", role: "animatrice", phone: "03 21 61 39 72" }],
        },
      },
      owner,
    );
    expect(update.errors).toBeUndefined();
    expect(update.data!.updateService.version).toBe(2);

    // A service created in the hub.
    const created = await run(CREATE, { input: { operatorId: edited.operatorId, name: "Ludothèque créée dans le hub", type: "LAEP", communeCode: "62119", status: "PUBLISHED" } }, admin);
    expect(created.errors).toBeUndefined();
    createdId = created.data!.createService.id;

    // A sample service changed behind the hub's back (no version move, no audit entry).
    await prisma().service.update({ where: { id: tampered.id }, data: { name: "Nom changé en base", capacity: 999, lat: null, draft: true, contactName: "X" } });
    await prisma().serviceArea.deleteMany({ where: { serviceId: tampered.id, communeCode: tampered.serviceArea[0] } });
    await prisma().serviceArea.create({ data: { serviceId: tampered.id, communeCode: areaCode(tampered) } });
    await prisma().serviceContact.create({ data: { serviceId: tampered.id, position: 0, name: "Contact ajouté en base" } });
  });

  it("keeps the edit, its version and its audit trail, and restores the service changed behind its back", async () => {
    const editedBefore = await snapshot(edited.id);
    const createdBefore = await snapshot(createdId);
    const tamperedBefore = await snapshot(tampered.id);
    const trailBefore = await auditTrail(edited.id);
    const auditEntries = await prisma().auditEntry.count();
    const count = await prisma().service.count();

    const started = performance.now();
    const summary = await seedServices(prisma(), SAMPLE);
    const ms = performance.now() - started;
    expect(summary).toMatch(/^0 new services/);
    expect(summary).toContain("1 service restored to the sample");
    expect(summary).toContain("kept 1 record edited in the hub");
    expect(ms).toBeLessThan(20_000);

    // The edit: exactly as it was, version and audit trail included.
    expect(await snapshot(edited.id)).toEqual(editedBefore);
    expect(editedBefore.row).toMatchObject({ name: `${edited.name} (horaires d'été)`, capacity: 12, version: 2 });
    expect(editedBefore.contacts).toHaveLength(1);
    expect(await auditTrail(edited.id)).toEqual(trailBefore);
    expect(trailBefore).toEqual([expect.objectContaining({ action: "UPDATE", outcome: "APPLIED", versionBefore: 1, versionAfter: 2 })]);

    // The service created in the hub: still there, untouched.
    expect(await snapshot(createdId)).toEqual(createdBefore);
    expect(await prisma().service.count()).toBe(count);
    expect(await prisma().auditEntry.count()).toBe(auditEntries);

    // The service changed behind the hub's back: as seeded again, at version 1, created when it was.
    const restored = await snapshot(tampered.id);
    const { serviceArea, ...columns } = tampered;
    expect(restored.row).toMatchObject({ ...columns, version: 1, draft: false, archivedAt: null, contactName: null, createdAt: tamperedBefore.row.createdAt });
    expect(restored.area).toEqual([...serviceArea].sort());
    expect(restored.contacts).toEqual([]);
  });

  it("changes nothing when run again, and an editor's expectedVersion still holds after a restore", async () => {
    const before = await snapshot(tampered.id);
    const summary = await seedServices(prisma(), SAMPLE);
    expect(summary).toBe(`0 new services (${sample.length} in the sample), 0 new service-area rows, 0 services restored to the sample, kept 1 record edited in the hub`);
    expect(await snapshot(tampered.id)).toEqual(before);
    const update = await run(UPDATE, { id: tampered.id, v: 1, input: { capacity: 30 } }, identityOf("PARTNER_EDITOR", tampered.operatorId));
    expect(update.errors).toBeUndefined();
    expect(update.data!.updateService.version).toBe(2);
  });

  it("inserts the services of a larger scale and keeps the others", async () => {
    const larger = sampleTerritory({ ...SAMPLE, scale: 2 }).services;
    const count = await prisma().service.count();
    const extra = larger.filter((s) => !sample.some((o) => o.id === s.id)).length;
    const summary = await seedServices(prisma(), { ...SAMPLE, scale: 2 });
    expect(summary).toMatch(new RegExp(`^${extra} new services \\(${larger.length} in the sample\\)`));
    expect(summary).toContain("kept 2 records edited in the hub");
    expect(await prisma().service.count()).toBe(count + extra);
    expect((await snapshot(edited.id)).row.version).toBe(2);
  });
});
