import {
  communeByInsee,
  CURRENT_CTG_ID,
  INSTITUTION_IDS,
  PREVIOUS_CTG_ID,
  sampleTerritory,
  type FundingRecord,
} from "@ctg/territory-data";
import { describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { seedFundings } from "../src/seed-data.ts";
import { funding } from "../src/server.ts";

const SAMPLE = { seed: 2026, scale: 1 };
const { fundings: records, services } = sampleTerritory(SAMPLE);

const subgraph = useSubgraph(funding, "funding", SAMPLE);
const run = subgraph.run;

async function statementsOf(query: string, variables: Record<string, unknown>) {
  const before = subgraph.db.statements.count;
  const result = await run(query, variables);
  expect(result.errors).toBeUndefined();
  return { result, statements: subgraph.db.statements.count - before };
}

// The expected figures are computed here in integer cents, independently of the subgraph's Decimal arithmetic.
const cents = (amount: string) => BigInt(amount.replace(".", ""));
const euros = (value: bigint) => `${value / 100n}.${String(value % 100n).padStart(2, "0")}`;
const sum = (lines: FundingRecord[]) => euros(lines.reduce((total, r) => total + cents(r.amount), 0n));

/** Largest first, then id; test databases collate in C order, which is how JavaScript compares ASCII ids. */
const largestFirst = (lines: FundingRecord[]) =>
  [...lines].sort((a, b) => {
    const diff = cents(b.amount) - cents(a.amount);
    return diff !== 0n ? (diff > 0n ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

const ids = (list: unknown) => (list as { id: string }[]).map((f) => f.id);

describe("funding subgraph", () => {
  describe("bonus territoire", () => {
    it("pays exactly 3 800 000.00 € of bonus territoire under the CTG 2026-2030 in 2026", async () => {
      const result = await run(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Convention { fundingTotal(year: 2026, mechanism: BONUS_TERRITOIRE_CTG) } } }`,
        { reps: [{ __typename: "Convention", id: CURRENT_CTG_ID }] },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([{ fundingTotal: "3800000.00" }]);
    });

    it("paid exactly 3 100 000.00 € of bonus territoire under the first CTG in 2025", async () => {
      const result = await run(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Convention { fundingTotal(year: 2025, mechanism: BONUS_TERRITOIRE_CTG) } } }`,
        { reps: [{ __typename: "Convention", id: PREVIOUS_CTG_ID }] },
      );
      expect(result.data?._entities).toEqual([{ fundingTotal: "3100000.00" }]);
    });

    it("gives the same yearly bonus totals through fundingTotal(filter)", async () => {
      const result = await run(`{
        y2026: fundingTotal(filter: { mechanism: BONUS_TERRITOIRE_CTG, year: 2026 })
        y2025: fundingTotal(filter: { mechanism: BONUS_TERRITOIRE_CTG, year: 2025 }) }`);
      expect(result.data).toEqual({ y2026: "3800000.00", y2025: "3100000.00" });
    });

    it("totals a convention over every year and mechanism when none is given, and 0.00 for a convention without fundings", async () => {
      const result = await run(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Convention { id all: fundingTotal other: fundingTotal(year: 2026, mechanism: PSU) } } }`,
        { reps: [{ __typename: "Convention", id: CURRENT_CTG_ID }, { __typename: "Convention", id: "no-such-convention" }] },
      );
      expect(result.data?._entities).toEqual([
        { id: CURRENT_CTG_ID, all: sum(records.filter((r) => r.conventionId === CURRENT_CTG_ID)), other: "0.00" },
        { id: "no-such-convention", all: "0.00", other: "0.00" },
      ]);
    });
  });

  describe("entities", () => {
    it("resolves a Funding by id with its amount as an exact string and its references as keys, null for an unknown id", async () => {
      const bonus = records.find((r) => r.mechanism === "BONUS_TERRITOIRE_CTG" && r.year === 2026)!;
      const ownFunds = records.find((r) => r.recipientId === null)!;
      const result = await run(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Funding {
           id funder { id } recipient { id } service { id } convention { id } commune { code } mechanism year amount label source } } }`,
        { reps: [bonus, ownFunds, { id: "fund-unknown" }].map(({ id }) => ({ __typename: "Funding", id })) },
      );
      expect(result.errors).toBeUndefined();
      const [first, second, unknown] = result.data?._entities as Record<string, unknown>[];
      expect(first).toEqual({
        id: bonus.id,
        funder: { id: INSTITUTION_IDS.caf },
        recipient: { id: bonus.recipientId },
        service: { id: bonus.serviceId },
        convention: { id: CURRENT_CTG_ID },
        commune: { code: bonus.communeCode },
        mechanism: "BONUS_TERRITOIRE_CTG",
        year: 2026,
        amount: bonus.amount,
        label: bonus.label,
        source: bonus.source,
      });
      expect(first.source).toMatch(/^sample:/);
      expect(second).toMatchObject({ id: ownFunds.id, funder: { id: ownFunds.funderId }, recipient: null, convention: null, amount: ownFunds.amount });
      expect(unknown).toBeNull();
    });

    it("lists a service's fundings for one year or for every year, largest first", async () => {
      const service = services.find((s) => s.type === "EAJE")!;
      const result = await run(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Service { id y2026: fundings(year: 2026) { id amount } all: fundings { id } } } }`,
        { reps: [{ __typename: "Service", id: service.id }] },
      );
      const [entity] = result.data?._entities as { y2026: unknown; all: unknown }[];
      const own = records.filter((r) => r.serviceId === service.id);
      expect(own.length).toBeGreaterThan(2);
      expect(ids(entity.y2026)).toEqual(largestFirst(own.filter((r) => r.year === 2026)).map((r) => r.id));
      expect(ids(entity.all)).toEqual(largestFirst(own).map((r) => r.id));
    });

    it("lists what a partner grants and what it receives, and nothing for an unknown partner", async () => {
      const result = await run(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Partner { id fundingsGranted(year: 2026) { id } fundingsReceived { id } } } }`,
        { reps: ["msa-nord-pas-de-calais", "sivom-bruaysis", "no such partner"].map((id) => ({ __typename: "Partner", id })) },
      );
      const [msa, sivom, unknown] = result.data?._entities as { fundingsGranted: unknown; fundingsReceived: unknown }[];
      expect(ids(msa.fundingsGranted)).toEqual(largestFirst(records.filter((r) => r.funderId === INSTITUTION_IDS.msa && r.year === 2026)).map((r) => r.id));
      expect(msa.fundingsReceived).toEqual([]);
      expect(ids(sivom.fundingsReceived)).toEqual(largestFirst(records.filter((r) => r.recipientId === "sivom-bruaysis")).map((r) => r.id));
      expect(unknown).toEqual({ id: "no such partner", fundingsGranted: [], fundingsReceived: [] });
    });

    it("divides a commune's fundings of the year by the population it receives, rounded to the cent", async () => {
      const codes = ["62119", "62178", "62377", "62077"];
      const result = await run(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Commune { code fundingPerInhabitant(year: 2026) } } }`,
        { reps: codes.map((code) => ({ __typename: "Commune", code, population: communeByInsee(code)!.population })) },
      );
      expect(result.errors).toBeUndefined();
      const expected = codes.map((code) => {
        const population = BigInt(communeByInsee(code)!.population!);
        const total = records.filter((r) => r.communeCode === code && r.year === 2026).reduce((t, r) => t + cents(r.amount), 0n);
        return { code, fundingPerInhabitant: euros((2n * total + population) / (2n * population)) };
      });
      expect(result.data?._entities).toEqual(expected);
    });

    it("answers null per inhabitant without a population or with a zero one, and 0.00 for a commune without fundings", async () => {
      const result = await run(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Commune { code fundingPerInhabitant(year: 2026) } } }`,
        {
          reps: [
            { __typename: "Commune", code: "62119", population: null },
            { __typename: "Commune", code: "62119", population: 0 },
            { __typename: "Commune", code: "75056", population: 2_100_000 },
          ],
        },
      );
      expect(result.data?._entities).toEqual([
        { code: "62119", fundingPerInhabitant: null },
        { code: "62119", fundingPerInhabitant: null },
        { code: "75056", fundingPerInhabitant: "0.00" },
      ]);
    });
  });

  describe("fundings(filter)", () => {
    const service = services.find((s) => s.type === "CENTRE_SOCIAL")!;
    it.each<[string, Record<string, unknown>, (r: FundingRecord) => boolean]>([
      ["funderId", { funderId: INSTITUTION_IDS.departement }, (r) => r.funderId === INSTITUTION_IDS.departement],
      ["recipientId", { recipientId: "sivom-artois" }, (r) => r.recipientId === "sivom-artois"],
      ["serviceId", { serviceId: service.id }, (r) => r.serviceId === service.id],
      ["communeCode", { communeCode: "62119" }, (r) => r.communeCode === "62119"],
      ["mechanism", { mechanism: "PS_RPE" }, (r) => r.mechanism === "PS_RPE"],
      ["year", { year: 2025, funderId: INSTITUTION_IDS.departement }, (r) => r.year === 2025 && r.funderId === INSTITUTION_IDS.departement],
      ["all fields together", { funderId: INSTITUTION_IDS.caf, recipientId: "sivom-bruaysis", communeCode: "62178", mechanism: "BONUS_TERRITOIRE_CTG", year: 2026 },
        (r) => r.funderId === INSTITUTION_IDS.caf && r.recipientId === "sivom-bruaysis" && r.communeCode === "62178" && r.mechanism === "BONUS_TERRITOIRE_CTG" && r.year === 2026],
    ])("keeps exactly the lines matching %s, largest first, and sums them exactly", async (_, filter, matches) => {
      const result = await run(`query($filter: FundingFilter) { fundings(filter: $filter) { id } fundingTotal(filter: $filter) }`, { filter });
      expect(result.errors).toBeUndefined();
      const expected = records.filter(matches);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThanOrEqual(500);
      expect(ids(result.data?.fundings)).toEqual(largestFirst(expected).map((r) => r.id));
      expect(result.data?.fundingTotal).toBe(sum(expected));
    });

    it("returns the largest fundings of the whole territory first, ties broken by id", async () => {
      const result = await run(`{ fundings(first: 50) { id amount } }`);
      expect(ids(result.data?.fundings)).toEqual(largestFirst(records).slice(0, 50).map((r) => r.id));
    });

    it("pages with first and offset without overlap or gap", async () => {
      const result = await run(`{ page1: fundings(first: 15) { id } page2: fundings(first: 15, offset: 15) { id } both: fundings(first: 30) { id } }`);
      expect([...ids(result.data?.page1), ...ids(result.data?.page2)]).toEqual(ids(result.data?.both));
    });

    it("sums every line when fundingTotal has no filter", async () => {
      const result = await run(`{ fundingTotal }`);
      expect(result.data?.fundingTotal).toBe(sum(records));
    });

    it("treats unknown or malformed ids as matching nothing rather than as errors", async () => {
      const result = await run(`{ fundings(filter: { serviceId: "'; DROP TABLE \\"Funding\\"; --", communeCode: "abc" }) { id } fundingTotal(filter: { funderId: "nobody" }) }`);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ fundings: [], fundingTotal: "0.00" });
    });
  });

  describe("bad input", () => {
    it.each([
      ["a page size over 500", `{ fundings(first: 501) { id } }`, /first must be an integer between 0 and 500 \(got 501\)/],
      ["a negative page size", `{ fundings(first: -1) { id } }`, /first must be an integer between 0 and 500 \(got -1\)/],
      ["a negative offset", `{ fundings(offset: -3) { id } }`, /offset must be a non-negative integer \(got -3\)/],
      ["a filter year before 2000", `{ fundings(filter: { year: 1999 }) { id } }`, /filter\.year must be between 2000 and 2100 \(got 1999\)/],
      ["a total's filter year after 2100", `{ fundingTotal(filter: { year: 2101 }) }`, /filter\.year must be between 2000 and 2100 \(got 2101\)/],
      [
        "a service fundings year out of range",
        `{ _entities(representations: [{ __typename: "Service", id: "x" }]) { ... on Service { fundings(year: 1900) { id } } } }`,
        /year must be between 2000 and 2100 \(got 1900\)/,
      ],
      [
        "a convention total year out of range",
        `{ _entities(representations: [{ __typename: "Convention", id: "x" }]) { ... on Convention { fundingTotal(year: 3000) } } }`,
        /year must be between 2000 and 2100 \(got 3000\)/,
      ],
      [
        "a per-inhabitant year out of range",
        `{ _entities(representations: [{ __typename: "Commune", code: "62119", population: 1 }]) { ... on Commune { fundingPerInhabitant(year: 1999) } } }`,
        /year must be between 2000 and 2100 \(got 1999\)/,
      ],
    ])("refuses %s with a precise BAD_USER_INPUT error", async (_, query, message) => {
      const result = await run(query);
      expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0].message).toMatch(message);
    });
  });

  describe("batching", () => {
    const funded = [...new Set(records.map((r) => r.serviceId!))];
    const partners = [...new Set(records.flatMap((r) => [r.funderId, r.recipientId ?? r.funderId]))];

    it("resolves the fundings of 40 services with as many statements as for 2", async () => {
      const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Service { y2025: fundings(year: 2025) { id } all: fundings { id } } } }`;
      const reps = (n: number) => funded.slice(0, n).map((id) => ({ __typename: "Service", id }));
      const two = await statementsOf(query, { reps: reps(2) });
      const forty = await statementsOf(query, { reps: reps(40) });
      expect(forty.result.data?._entities).toHaveLength(40);
      expect(two.statements).toBe(1);
      expect(forty.statements).toBe(two.statements);
    });

    it("resolves what 40 partners grant and receive with as many statements as for 2", async () => {
      const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Partner { fundingsGranted(year: 2026) { id } fundingsReceived { id } } } }`;
      const reps = (n: number) => partners.slice(0, n).map((id) => ({ __typename: "Partner", id }));
      expect(partners.length).toBeGreaterThanOrEqual(40);
      const two = await statementsOf(query, { reps: reps(2) });
      const forty = await statementsOf(query, { reps: reps(40) });
      expect(two.statements).toBe(2);
      expect(forty.statements).toBe(two.statements);
    });

    it("resolves many fundings, convention totals and communes per inhabitant with one statement each", async () => {
      const reps = [
        ...records.slice(0, 30).map(({ id }) => ({ __typename: "Funding", id })),
        ...[CURRENT_CTG_ID, PREVIOUS_CTG_ID].map((id) => ({ __typename: "Convention", id })),
        ...["62119", "62178", "62377", "62617"].map((code) => ({ __typename: "Commune", code, population: 1000 })),
      ];
      const { statements } = await statementsOf(
        `query($reps: [_Any!]!) { _entities(representations: $reps) {
           ... on Funding { amount } ... on Convention { a: fundingTotal(year: 2026) b: fundingTotal(mechanism: PSU) }
           ... on Commune { fundingPerInhabitant(year: 2026) } } }`,
        { reps },
      );
      expect(statements).toBe(3);
    });
  });

  describe("seed", () => {
    it("changes nothing when run again on a seeded database", async () => {
      const before = await subgraph.db.prisma.funding.count();
      expect(before).toBe(records.length);
      expect(await seedFundings(subgraph.db.prisma, SAMPLE)).toEqual({ lines: records.length, inserted: 0, replaced: 0, removed: 0, kept: 0 });
      expect(await subgraph.db.prisma.funding.count()).toBe(before);
    });

    it("restores a sample line edited by hand and removes a sample line the sample no longer has", async () => {
      const line = records.find((r) => r.mechanism === "BONUS_TERRITOIRE_CTG" && r.year === 2026)!;
      await subgraph.db.prisma.funding.update({ where: { id: line.id }, data: { amount: "1.00" } });
      await subgraph.db.prisma.funding.create({ data: { ...line, id: "fund-obsolete-sample-line" } });
      expect(await seedFundings(subgraph.db.prisma, SAMPLE)).toEqual({ lines: records.length, inserted: 0, replaced: 1, removed: 1, kept: 0 });
      const result = await run(`{ fundingTotal(filter: { mechanism: BONUS_TERRITOIRE_CTG, year: 2026 }) }`);
      expect(result.data?.fundingTotal).toBe("3800000.00");
    });
  });
});
