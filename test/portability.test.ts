import { createServer } from "node:http";
import { createGatewayRuntime, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { GATEWAY_SECRET_HEADER, listen, type RunningEdge } from "@ctg/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.ts";

/**
 * The committed supergraph is not tied to Apollo Gateway: a second, independent router (Hive
 * Gateway) given the very same SDL must answer every cross-subgraph path with the same data.
 */

interface GraphQLResponse {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let stack: Stack;
let hive: GatewayRuntime;
let hiveEdge: RunningEdge;

async function post(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

/** The same operation sent to both routers at once. */
async function both(query: string, variables: Record<string, unknown> = {}) {
  const [apollo, hiveAnswer] = await Promise.all([post(stack.gatewayUrl, query, variables), post(hiveEdge.url, query, variables)]);
  return { apollo, hive: hiveAnswer };
}

beforeAll(async () => {
  stack = await startStack("portability");
  hive = createGatewayRuntime({
    supergraph: stack.supergraphSdl,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    logging: false,
    // The subgraphs answer only callers with the gateway's secret.
    propagateHeaders: { fromClientToSubgraphs: () => ({ [GATEWAY_SECRET_HEADER]: stack.gatewaySecret }) },
  });
  hiveEdge = await listen(createServer(hive), 0);
});

afterAll(async () => {
  await hiveEdge?.close();
  if (hive) {
    const disposable = hive as GatewayRuntime & { [Symbol.asyncDispose]?: () => Promise<void> };
    if (typeof disposable[Symbol.asyncDispose] === "function") await disposable[Symbol.asyncDispose]!();
    else await hive.dispose();
  }
  await stack?.close();
});

interface Case {
  path: string;
  query: string;
  variables?: Record<string, unknown>;
  /** A few facts about Apollo Gateway's answer, so that two empty answers cannot pass as equal. */
  check: (data: any) => void;
}

const cases: Case[] = [
  {
    path: "commune → services → operator → fundings",
    query: `{
      gosnay: commune(code: "62377") { ...ServicesAndFunders }
      bethune: commune(code: "62119") { ...ServicesAndFunders }
    }
    fragment ServicesAndFunders on Commune {
      code name population ctgEngaged
      services { id name type operator { id name kind } fundings(year: 2026) { amount mechanism funder { name } } }
    }`,
    check: (data) => {
      expect(data.gosnay.name).toBe("Gosnay");
      expect(data.bethune.name).toBe("Béthune");
      expect(data.bethune.services.length).toBeGreaterThan(10);
      expect(data.bethune.services.some((s: any) => s.fundings.length > 0 && s.fundings[0].funder.name)).toBe(true);
    },
  },
  {
    path: "partner → operatedServices → fundings, and fundingsReceived",
    query: `{
      partner(id: "sivom-bethunois") { id name kind ctgRoles
        operatedServices { id name commune { code name } fundings { year amount mechanism funder { name kind } } }
        fundingsReceived(year: 2026) { amount mechanism funder { name } } } }`,
    check: (data) => {
      expect(data.partner.operatedServices.length).toBeGreaterThan(1);
      expect(data.partner.fundingsReceived.length).toBeGreaterThan(0);
    },
  },
  {
    path: "convention → signatories, engagedCommunes and fundingTotal",
    query: `{
      convention(id: "ctg-cabbalr-2026-2030") { signedOn signatories { id name kind } engagedCommunes { code name }
        bonus: fundingTotal(year: 2026, mechanism: BONUS_TERRITOIRE_CTG) all: fundingTotal(year: 2026) } }`,
    check: (data) => {
      expect(data.convention.bonus).toBe("3800000.00");
      expect(data.convention.signatories).toHaveLength(4);
      expect(data.convention.engagedCommunes).toHaveLength(82);
    },
  },
  {
    path: "fundingPerInhabitant through @requires(fields: \"population\")",
    query: `{
      bethune: commune(code: "62119") { population fundingPerInhabitant(year: 2026) }
      gosnay: commune(code: "62377") { fundingPerInhabitant(year: 2026) }
      communes(first: 30) { code fundingPerInhabitant(year: 2026) } }`,
    check: (data) => {
      expect(Number(data.bethune.fundingPerInhabitant)).toBeGreaterThan(0);
      expect(data.communes).toHaveLength(30);
    },
  },
  {
    path: "the services filter by commune, type and age, with edges and distanceKm",
    query: `query($f: ServiceFilter) {
      services(filter: $f, first: 500) { totalCount
        edges { cursor distanceKm node { id name type ageMinMonths ageMaxMonths operator { name } fundings(year: 2026) { amount } } }
        pageInfo { hasNextPage endCursor } } }`,
    variables: { f: { communeCode: "62489", types: ["EAJE", "MICRO_CRECHE", "MAM", "RPE"], ageMonths: 8 } },
    check: (data) => {
      expect(data.services.totalCount).toBeGreaterThan(0);
      expect(data.services.edges.every((e: any) => e.distanceKm === null)).toBe(true);
    },
  },
  {
    path: "the services near a point, ordered by distance",
    query: `{
      services(filter: { near: { lat: 50.5303, lon: 2.6408, radiusKm: 5 }, types: [EAJE, MICRO_CRECHE] }, first: 50) { totalCount
        edges { distanceKm node { id name commune { name population } operator { name } } } } }`,
    check: (data) => {
      const distances = data.services.edges.map((e: any) => e.distanceKm);
      expect(distances.length).toBeGreaterThan(0);
      expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b));
    },
  },
  {
    path: "a tolerant commune search",
    query: `query($s: String) { communes(search: $s, first: 3) { code name population epci { name } services { id } } }`,
    variables: { s: "noeux les mines" },
    check: (data) => {
      expect(data.communes[0].name).toBe("Nœux-les-Mines");
    },
  },
  {
    path: "unknown codes answered with null",
    query: `{ commune(code: "99999") { name services { id } } partner(id: "nobody") { name } service(id: "svc-none") { name fundings { amount } }
      convention(id: "no-such-convention") { signedOn } }`,
    check: (data) => {
      expect(data).toEqual({ commune: null, partner: null, service: null, convention: null });
    },
  },
];

const invalidInputs: [string, string][] = [
  ["a page larger than 500 services", `{ services(first: 1000) { totalCount } }`],
  ["a search radius over 100 km", `{ services(filter: { near: { lat: 50.5, lon: 2.6, radiusKm: 250 } }) { totalCount } }`],
  ["a negative age next to a valid field", `{ commune(code: "62119") { services { id } } services(filter: { ageMonths: -3 }) { totalCount } }`],
];

describe("the committed supergraph on a second router", () => {
  for (const { path, query, variables, check } of cases) {
    it(`Hive Gateway serves the committed supergraph with the same data as Apollo Gateway for ${path}`, async () => {
      const answers = await both(query, variables);
      expect(answers.apollo.errors).toBeUndefined();
      expect(answers.hive.errors).toBeUndefined();
      check(answers.apollo.data);
      expect(answers.hive.data).toEqual(answers.apollo.data);
    });
  }

  for (const [input, query] of invalidInputs) {
    it(`Hive Gateway refuses ${input} with the same BAD_USER_INPUT message as Apollo Gateway`, async () => {
      const answers = await both(query);
      // Routers may word locations and paths their own way: compare what a client acts on.
      const summary = (r: GraphQLResponse) => r.errors?.map((e) => ({ code: e.extensions?.code, message: e.message }));
      expect(summary(answers.apollo)?.[0]?.code).toBe("BAD_USER_INPUT");
      expect(summary(answers.hive)).toEqual(summary(answers.apollo));
      expect(answers.hive.data ?? null).toEqual(answers.apollo.data ?? null);
    });
  }
});
