import { sampleTerritory } from "@ctg/territory-data";
import { describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { seedServices } from "../src/seed-data.ts";
import { services } from "../src/server.ts";

const sample = sampleTerritory();
const subgraph = useSubgraph(services, "services");
const run = subgraph.run;

type Node = { id: string; commune: { code: string }; ageMinMonths: number | null; ageMaxMonths: number | null; type: string };
const SERVICES = `query($filter: ServiceFilter, $first: Int, $after: String) {
  services(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id type commune { code } ageMinMonths ageMaxMonths serviceArea { code } }
    edges { distanceKm cursor } pageInfo { hasNextPage endCursor } } }`;

const servesInSample = (code: string) => sample.services.filter((s) => s.serviceArea.includes(code));

describe("services subgraph", () => {
  it("seeds every service type of the contract, and every commune lies in the area of a relais petite enfance", async () => {
    const types = await subgraph.db.prisma.service.groupBy({ by: ["type"], _count: true });
    expect(types).toHaveLength(19);
    const rpeAreas = await subgraph.db.prisma.serviceArea.findMany({ where: { service: { type: "RPE" } }, distinct: ["communeCode"] });
    expect(rpeAreas).toHaveLength(100);
  });

  it("returns services located in OR serving Gosnay, those located there first", async () => {
    const result = await run(SERVICES, { filter: { communeCode: "62377" }, first: 500 });
    const page = result.data?.services as { totalCount: number; nodes: Node[] };
    expect(page.totalCount).toBe(servesInSample("62377").length);
    const located = page.nodes.findIndex((n) => n.commune.code !== "62377");
    expect(page.nodes.slice(located).every((n) => n.commune.code !== "62377")).toBe(true);
    expect(page.nodes.some((n) => n.commune.code === "62119")).toBe(true); // e.g. the MDS de l'Artois in Béthune
  });

  it("keeps only services whose age range contains the age", async () => {
    const result = await run(SERVICES, { filter: { communeCode: "62119", ageMonths: 8 }, first: 500 });
    const nodes = (result.data?.services as { nodes: Node[] }).nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.ageMinMonths === null || n.ageMinMonths <= 8).toBe(true);
      expect(n.ageMaxMonths === null || n.ageMaxMonths >= 8).toBe(true);
    }
    expect(nodes.some((n) => n.type === "ALSH")).toBe(false);
  });

  it("orders by distance with near, within the radius, and gives the distance on each edge", async () => {
    const result = await run(SERVICES, { filter: { types: ["EAJE", "MICRO_CRECHE"], near: { lat: 50.52896, lon: 2.64298, radiusKm: 8 } }, first: 50 });
    const page = result.data?.services as { edges: { distanceKm: number }[] };
    const distances = page.edges.map((e) => e.distanceKm);
    expect(distances.length).toBeGreaterThan(3);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(8);
  });

  it("pages with first/after without losing or repeating a service", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result = await run(SERVICES, { filter: { communeCode: "62178" }, first: 7, after });
      const page = result.data?.services as { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(servesInSample("62178").length);
  });

  it.each([
    [{ filter: { ageMonths: -1 } }, /filter.ageMonths must be between 0 and 1200/],
    [{ filter: { near: { lat: 50.5, lon: 2.6, radiusKm: 150 } } }, /radiusKm must be over 0 and at most 100 km/],
    [{ first: 501 }, /first must be an integer between 0 and 500/],
    [{ filter: { communeCode: "Béthune" } }, /5-character INSEE code/],
    [{ after: "not-a-cursor" }, /after must be an endCursor/],
  ])("refuses invalid input %j with a precise BAD_USER_INPUT error", async (variables, message) => {
    const result = await run(SERVICES, variables);
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toMatch(message);
  });

  it("answers an unknown commune with no services and an unknown id with null", async () => {
    const result = await run(`{ services(filter: { communeCode: "75056" }) { totalCount } service(id: "nope") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ services: { totalCount: 0 }, service: null });
  });

  it("resolves Service, Partner and Commune references through _entities", async () => {
    const result = await run(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Service { id name operator { id } isSample source }
        ... on Partner { id operatedServices { id } }
        ... on Commune { code services(types: [RPE]) { id type } } } }`,
      {
        reps: [
          { __typename: "Service", id: sample.services[0].id },
          { __typename: "Partner", id: "sivom-bethunois" },
          { __typename: "Commune", code: "62377" },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    const [service, sivom, gosnay] = result.data?._entities as Record<string, unknown>[];
    expect(service).toMatchObject({ id: sample.services[0].id, isSample: false });
    expect((sivom.operatedServices as { id: string }[]).length).toBe(sample.services.filter((s) => s.operatorId === "sivom-bethunois").length);
    expect((gosnay.services as { type: string }[]).every((s) => s.type === "RPE")).toBe(true);
    expect((gosnay.services as unknown[]).length).toBe(1);
  });

  it("costs the same number of statements for a commune with few services as for one with many", async () => {
    const count = async (code: string) => {
      const before = subgraph.db.statements.count;
      const result = await run(
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Commune { services { id serviceArea { code } operator { id } } } } }`,
        { reps: [{ __typename: "Commune", code }] },
      );
      return { statements: subgraph.db.statements.count - before, services: (result.data?._entities as { services: unknown[] }[])[0].services.length };
    };
    const few = await count("62029"); // Amettes, a village
    const many = await count("62119"); // Béthune
    expect(many.services).toBeGreaterThan(few.services + 10);
    expect(many.statements).toBe(few.statements);
  });

  it("does not duplicate anything when the seed runs again", async () => {
    const before = await subgraph.db.prisma.service.count();
    expect(await seedServices(subgraph.db.prisma, { seed: 2026, scale: 1 })).toMatch(/^0 new services/);
    expect(await subgraph.db.prisma.service.count()).toBe(before);
  });
});
