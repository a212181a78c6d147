import { identityOf } from "@ctg/kit";
import { INSTITUTION_IDS, sampleTerritory } from "@ctg/territory-data";
import { beforeAll, describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { seedFundings, seedSummary } from "../src/seed-data.ts";
import { funding } from "../src/server.ts";

const SAMPLE = { seed: 2026, scale: 1 };
const { fundings: records } = sampleTerritory(SAMPLE);

const subgraph = useSubgraph(funding, "funding_seed", SAMPLE);
const run = subgraph.run;
const prisma = () => subgraph.db.prisma;

const CAF = INSTITUTION_IDS.caf;
const CAF_EDITOR = identityOf("PARTNER_EDITOR", CAF);
const ADMIN = identityOf("ADMIN");

const RECORD = `mutation($input: RecordFundingInput!) { recordFunding(input: $input) { id source version } }`;
const CORRECT = `mutation($id: ID!, $v: Int!, $input: CorrectFundingInput!) { correctFunding(id: $id, expectedVersion: $v, input: $input) { id amount version } }`;
const TRAIL = `query($id: ID) { fundingAuditTrail(fundingId: $id) { id action outcome versionBefore versionAfter } }`;

const [corrected, tampered] = records.filter((r) => r.funderId === CAF && r.mechanism === "PSU" && r.year === 2026);
const stored = (id: string) => prisma().funding.findUniqueOrThrow({ where: { id } });

async function trail(id: string) {
  const result = await run(TRAIL, { id }, ADMIN);
  expect(result.errors).toBeUndefined();
  return result.data!.fundingAuditTrail as { action: string; outcome: string; versionBefore: number | null; versionAfter: number | null }[];
}

describe("re-seeding never undoes what people changed in the hub", () => {
  let recordedId: string;

  beforeAll(async () => {
    // A correction through the graph by the funder's editor: version 2, an audit entry.
    const correction = await run(CORRECT, { id: corrected.id, v: 1, input: { amount: "4321.09", label: "corrigé par la CAF" } }, CAF_EDITOR);
    expect(correction.errors).toBeUndefined();
    expect(correction.data!.correctFunding.version).toBe(2);
    // A line recorded in the hub.
    const recorded = await run(
      RECORD,
      { input: { recipientId: corrected.recipientId, serviceId: corrected.serviceId, communeCode: corrected.communeCode, mechanism: "PSU", year: 2026, amount: "100.00", label: "saisie hub" } },
      CAF_EDITOR,
    );
    expect(recorded.errors).toBeUndefined();
    recordedId = recorded.data!.recordFunding.id;
    expect(recorded.data!.recordFunding.source).toBe(`ctg-hub:${CAF}`);
    // A sample line changed behind the hub's back (no version move, no audit entry).
    await prisma().funding.update({ where: { id: tampered.id }, data: { amount: "1.00", label: null } });
    // Sample lines of another sample: one never corrected, one corrected in the hub.
    await prisma().funding.create({ data: { ...tampered, id: "fund-other-sample-untouched" } });
    await prisma().funding.create({ data: { ...tampered, id: "fund-other-sample-corrected", amount: "55.00", version: 3 } });
  });

  it("keeps the correction, its version and its audit trail, and restores the line changed behind its back", async () => {
    const correctedBefore = await stored(corrected.id);
    const recordedBefore = await stored(recordedId);
    const staleCorrectedBefore = await stored("fund-other-sample-corrected");
    const trailBefore = await trail(corrected.id);
    const auditEntries = await prisma().auditEntry.count();

    const report = await seedFundings(prisma(), SAMPLE);
    expect(report).toEqual({ lines: records.length, inserted: 0, replaced: 1, removed: 1, kept: 2 });
    expect(seedSummary(report)).toBe(`${records.length} funding lines: 0 inserted, 1 replaced, 1 removed, kept 2 records edited in the hub`);

    expect(await stored(corrected.id)).toEqual(correctedBefore);
    expect(correctedBefore).toMatchObject({ label: "corrigé par la CAF", version: 2 });
    expect(correctedBefore.amount.toFixed(2)).toBe("4321.09");
    expect(await trail(corrected.id)).toEqual(trailBefore);
    expect(trailBefore).toEqual([expect.objectContaining({ action: "UPDATE", outcome: "APPLIED", versionBefore: 1, versionAfter: 2 })]);
    expect(await prisma().auditEntry.count()).toBe(auditEntries);

    expect(await stored(recordedId)).toEqual(recordedBefore);
    expect(await stored("fund-other-sample-corrected")).toEqual(staleCorrectedBefore);
    expect(await prisma().funding.findUnique({ where: { id: "fund-other-sample-untouched" } })).toBeNull();

    const restored = await stored(tampered.id);
    expect(restored).toMatchObject({ label: tampered.label, version: 1 });
    expect(restored.amount.toFixed(2)).toBe(tampered.amount);
  });

  it("changes nothing when run again, and the restored line's version still holds for an editor", async () => {
    expect(await seedFundings(prisma(), SAMPLE)).toEqual({ lines: records.length, inserted: 0, replaced: 0, removed: 0, kept: 2 });
    const correction = await run(CORRECT, { id: tampered.id, v: 1, input: { amount: "2.00" } }, CAF_EDITOR);
    expect(correction.errors).toBeUndefined();
    expect(await seedFundings(prisma(), SAMPLE)).toEqual({ lines: records.length, inserted: 0, replaced: 0, removed: 0, kept: 3 });
    expect((await stored(tampered.id)).amount.toFixed(2)).toBe("2.00");
  });
});
