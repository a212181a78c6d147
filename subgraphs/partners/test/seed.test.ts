import { identityOf } from "@ctg/kit";
import { sampleTerritory, SIVOM_IDS } from "@ctg/territory-data";
import { beforeAll, describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { seedPartners } from "../src/seed-data.ts";
import { partners } from "../src/server.ts";

const SAMPLE = { seed: 2026, scale: 1 };
const sample = sampleTerritory(SAMPLE).partners;

const subgraph = useSubgraph(partners, "partners_seed", SAMPLE);
const run = subgraph.run;
const prisma = () => subgraph.db.prisma;

const ADMIN = identityOf("ADMIN");
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdatePartnerInput!) { updatePartner(id: $id, expectedVersion: $v, input: $input) { id version } }`;
const TRAIL = `query($id: ID) { partnerAuditTrail(partnerId: $id) { id action outcome versionBefore versionAfter after } }`;

const EDITED = SIVOM_IDS.bruaysis;
const TAMPERED = SIVOM_IDS.artois;
const IMPORTED = "di-test-structure";

const stored = (id: string) => prisma().partner.findUniqueOrThrow({ where: { id } });

async function trail(id: string) {
  const result = await run(TRAIL, { id }, ADMIN);
  expect(result.errors).toBeUndefined();
  return result.data!.partnerAuditTrail as { action: string; outcome: string; versionBefore: number; versionAfter: number; after: Record<string, unknown> }[];
}

describe("re-seeding never undoes what people changed in the hub", () => {
  beforeAll(async () => {
    // An edit through the graph, by the partner's own editor: version 2, an audit entry.
    const result = await run(UPDATE, { id: EDITED, v: 1, input: { phone: "03 21 61 39 72", aliases: ["SIVOM Bruaysis", "le SIVOM"], address: "1 rue du Test" } }, identityOf("PARTNER_EDITOR", EDITED));
    expect(result.errors).toBeUndefined();
    expect(result.data!.updatePartner.version).toBe(2);
    // A sample partner changed behind the hub's back (no version move, no audit entry).
    await prisma().partner.update({ where: { id: TAMPERED }, data: { name: "Nom changé en base", aliases: [], siret: "20007246000017", website: "https://example.org" } });
    // A partner the hub got from elsewhere (a data·inclusion structure): not in the sample.
    await prisma().partner.create({ data: { id: IMPORTED, name: "Association importée", kind: "ASSOCIATION", source: "data-inclusion:dora", originSource: "dora", originId: "s-1" } });
  });

  it("keeps the edit, its version and its audit trail, and restores the partner changed behind its back", async () => {
    const editedBefore = await stored(EDITED);
    const importedBefore = await stored(IMPORTED);
    const trailBefore = await trail(EDITED);
    const auditEntries = await prisma().auditEntry.count();
    const partnerCount = await prisma().partner.count();

    const summary = await seedPartners(prisma(), SAMPLE);
    expect(summary).toBe(`${sample.length} partners (0 new, 1 restored to the sample), 2 conventions, 0 new convention parties, kept 1 record edited in the hub`);

    expect(await stored(EDITED)).toEqual(editedBefore);
    expect(editedBefore).toMatchObject({ phone: "03 21 61 39 72", aliases: ["SIVOM Bruaysis", "le SIVOM"], address: "1 rue du Test", version: 2 });
    expect(await trail(EDITED)).toEqual(trailBefore);
    expect(trailBefore).toEqual([expect.objectContaining({ action: "UPDATE", outcome: "APPLIED", versionBefore: 1, versionAfter: 2 })]);
    expect(await prisma().auditEntry.count()).toBe(auditEntries);

    expect(await stored(IMPORTED)).toEqual(importedBefore);
    expect(await prisma().partner.count()).toBe(partnerCount);

    const { id: _id, ...seeded } = sample.find((p) => p.id === TAMPERED)!;
    expect(await stored(TAMPERED)).toMatchObject({ ...seeded, siret: null, version: 1 });
  });

  it("changes nothing when run again, and the restored partner's version still holds for an editor", async () => {
    const before = await stored(TAMPERED);
    expect(await seedPartners(prisma(), SAMPLE)).toMatch(/\(0 new, 0 restored to the sample\).*, kept 1 record edited in the hub$/);
    expect(await stored(TAMPERED)).toEqual(before);
    const result = await run(UPDATE, { id: TAMPERED, v: 1, input: { phone: "03 21 57 12 34" } }, identityOf("PARTNER_EDITOR", TAMPERED));
    expect(result.errors).toBeUndefined();
    expect(await seedPartners(prisma(), SAMPLE)).toMatch(/kept 2 records edited in the hub$/);
    expect(await stored(TAMPERED)).toMatchObject({ phone: "03 21 57 12 34", version: 2 });
  });
});
