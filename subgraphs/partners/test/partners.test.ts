import { describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { partners } from "../src/server.ts";

const subgraph = useSubgraph(partners, "partners");
const run = subgraph.run;

describe("partners subgraph", () => {
  it("records the CTG 2026-2030 signed on 3 February 2026 by its four signatories", async () => {
    const result = await run(`{ convention(id: "ctg-cabbalr-2026-2030") {
      name periodStart periodEnd signedOn signatories { id kind } engagedCommunes { code } engagedPartners { kind } axes } }`);
    expect(result.errors).toBeUndefined();
    const ctg = result.data?.convention as {
      signedOn: string; periodStart: string; signatories: { id: string; kind: string }[];
      engagedCommunes: unknown[]; engagedPartners: { kind: string }[]; axes: string[];
    };
    expect(ctg.signedOn).toBe("2026-02-03");
    expect(ctg.periodStart).toBe("2026-01-01");
    expect(ctg.signatories.map((p) => p.kind).sort()).toEqual(["CAF", "DEPARTEMENT", "EPCI", "MSA"]);
    expect(ctg.engagedCommunes).toHaveLength(82);
    expect(ctg.engagedPartners.filter((p) => p.kind === "SIVOM")).toHaveLength(3);
    expect(ctg.axes).toEqual(expect.arrayContaining(["PETITE_ENFANCE", "JEUNESSE", "PARENTALITE"]));
  });

  it("resolves Partner, Convention and Commune references through _entities", async () => {
    const result = await run(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Partner { id name kind ctgRoles commune { code } }
        ... on Convention { id signatories { id } }
        ... on Commune { code ctgEngaged partners { id kind } } } }`,
      {
        reps: [
          { __typename: "Partner", id: "caf-pas-de-calais" },
          { __typename: "Partner", id: "no-such-partner" },
          { __typename: "Convention", id: "ctg-cabbalr-2021-2025" },
          { __typename: "Commune", code: "62377" },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    const [caf, missing, previous, gosnay] = result.data?._entities as Record<string, unknown>[];
    expect(caf).toMatchObject({ id: "caf-pas-de-calais", kind: "CAF", ctgRoles: ["SIGNATAIRE"] });
    expect(missing).toBeNull();
    expect((previous.signatories as unknown[]).length).toBe(2);
    expect(gosnay).toMatchObject({ code: "62377", ctgEngaged: true });
    expect(gosnay.partners).toEqual(expect.arrayContaining([{ id: "commune-62377", kind: "COMMUNE" }]));
  });

  it("says exactly 82 of the 100 communes are engaged", async () => {
    const { communes } = await import("@ctg/territory-data/communes");
    const result = await run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Commune { ctgEngaged } } }`, {
      reps: communes.map((c) => ({ __typename: "Commune", code: c.code })),
    });
    const flags = (result.data?._entities as { ctgEngaged: boolean }[]).map((c) => c.ctgEngaged);
    expect(flags.filter(Boolean)).toHaveLength(82);
  });

  it.each([
    ["SIVOM du Bruaysis", "sivom-bruaysis"],
    ["sivom bruaysis", "sivom-bruaysis"],
    ["CAF du Pas-de-Calais", "caf-pas-de-calais"],
    ["la CAF", "caf-pas-de-calais"],
    ["l'agglo", "cabbalr"],
    ["le Département", "departement-pas-de-calais"],
    ["MSA", "msa-nord-pas-de-calais"],
    ["SIVOM du Béthunois", "sivom-bethunois"],
    ["mairie de Béthune", "commune-62119"],
  ])("ranks %s first as %s", async (search, id) => {
    const result = await run(`query($s: String) { partners(search: $s, first: 3) { id } }`, { s: search });
    expect(result.errors).toBeUndefined();
    expect((result.data?.partners as { id: string }[])[0]?.id).toBe(id);
  });

  it("filters partners by kind", async () => {
    const result = await run(`{ partners(kind: SIVOM) { id } }`);
    expect((result.data?.partners as { id: string }[]).map((p) => p.id).sort()).toEqual(["sivom-artois", "sivom-bethunois", "sivom-bruaysis"]);
  });

  it("counts one statement per batch however many partners are referenced", async () => {
    const count = async (ids: string[]) => {
      const before = subgraph.db.statements.count;
      await run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Partner { id ctgRoles } } }`, {
        reps: ids.map((id) => ({ __typename: "Partner", id })),
      });
      return subgraph.db.statements.count - before;
    };
    const { communes } = await import("@ctg/territory-data/communes");
    const few = await count(["caf-pas-de-calais", "cabbalr"]);
    const many = await count(communes.slice(0, 60).map((c) => `commune-${c.code}`));
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });

  it("refuses a page size over 500", async () => {
    const result = await run(`{ partners(first: 900) { id } }`);
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps re-seeding idempotent", async () => {
    const before = await subgraph.db.prisma.conventionParty.count();
    const summary = await (await import("../src/seed-data.ts")).seedPartners(subgraph.db.prisma, { seed: 2026, scale: 1 });
    expect(summary).toMatch(/0 new convention parties/);
    expect(await subgraph.db.prisma.conventionParty.count()).toBe(before);
  });
});
