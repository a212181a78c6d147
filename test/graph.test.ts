import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { sampleTerritory } from "@ctg/territory-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken, signingSettingsFromEnv } from "../gateway/src/dev-token.ts";
import { startStack, type Stack } from "./support/stack.ts";

const sample = sampleTerritory();
/** Tests that start a stack of their own: four databases to seed, on a shared 2-core machine. */
const STACK_TIMEOUT = 240_000;
let stack: Stack;

beforeAll(async () => {
  stack = await startStack("graph");
});
afterAll(async () => {
  await stack?.close();
});

const sumCents = (amounts: string[]) => amounts.reduce((sum, a) => sum + Math.round(Number(a) * 100), 0);
const servingCommune = (code: string) => sample.services.filter((s) => s.serviceArea.includes(code));

describe("the federated graph through the gateway", () => {
  it("answers « which services serve Gosnay, who runs them, who funds them » across the four subgraphs", async () => {
    const { data, errors } = await stack.query(`{
      commune(code: "62377") { name population ctgEngaged
        services { id name operator { id name kind } fundings(year: 2026) { amount mechanism funder { name } } } } }`);
    expect(errors).toBeUndefined();
    expect(data.commune.name).toBe("Gosnay");
    expect(data.commune.ctgEngaged).toBe(true);
    const expected = servingCommune("62377");
    expect(data.commune.services.map((s: { id: string }) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    for (const service of data.commune.services) {
      const record = expected.find((s) => s.id === service.id)!;
      expect(service.operator.id).toBe(record.operatorId);
      expect(service.operator.name).toBeTruthy();
      const fundings = sample.fundings.filter((f) => f.serviceId === service.id && f.year === 2026);
      expect(sumCents(service.fundings.map((f: { amount: string }) => f.amount))).toBe(sumCents(fundings.map((f) => f.amount)));
    }
  });

  it("goes from a partner to the services it runs and their fundings", async () => {
    const { data, errors } = await stack.query(`{
      partner(id: "sivom-bethunois") { name kind ctgRoles
        operatedServices { name commune { name } fundings { year amount funder { kind } } }
        fundingsReceived(year: 2026) { amount } } }`);
    expect(errors).toBeUndefined();
    expect(data.partner.ctgRoles).toEqual(expect.arrayContaining(["ENGAGE", "OPERATEUR"]));
    const names = data.partner.operatedServices.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Multi-accueil de Lapugnoy", "Multi-accueil de Verquigneul"]));
    const lapugnoy = data.partner.operatedServices.find((s: { name: string }) => s.name === "Multi-accueil de Lapugnoy");
    expect(lapugnoy.commune.name).toBe("Lapugnoy");
    expect(lapugnoy.fundings.some((f: { funder: { kind: string } }) => f.funder.kind === "CAF")).toBe(true);
    const received = sample.fundings.filter((f) => f.recipientId === "sivom-bethunois" && f.year === 2026);
    expect(sumCents(data.partner.fundingsReceived.map((f: { amount: string }) => f.amount))).toBe(sumCents(received.map((f) => f.amount)));
  });

  it("gives the convention's signatories and its exact bonus territoire totals (€3.8 M in 2026, €3.1 M in 2025)", async () => {
    const { data, errors } = await stack.query(`{
      current: convention(id: "ctg-cabbalr-2026-2030") { signedOn signatories { name }
        bonus: fundingTotal(year: 2026, mechanism: BONUS_TERRITOIRE_CTG) engagedCommunes { name } }
      previous: convention(id: "ctg-cabbalr-2021-2025") { bonus: fundingTotal(year: 2025, mechanism: BONUS_TERRITOIRE_CTG) } }`);
    expect(errors).toBeUndefined();
    expect(data.current.signedOn).toBe("2026-02-03");
    expect(data.current.signatories).toHaveLength(4);
    expect(data.current.bonus).toBe("3800000.00");
    expect(data.previous.bonus).toBe("3100000.00");
    expect(data.current.engagedCommunes).toHaveLength(82);
    expect(data.current.engagedCommunes.every((c: { name: string }) => c.name)).toBe(true);
  });

  it("computes fundingPerInhabitant from the population the territories subgraph owns (@requires)", async () => {
    const { data, errors } = await stack.query(`{ commune(code: "62119") { population fundingPerInhabitant(year: 2026) } }`);
    expect(errors).toBeUndefined();
    const cents = sumCents(sample.fundings.filter((f) => f.communeCode === "62119" && f.year === 2026).map((f) => f.amount));
    const expected = (cents / 100 / data.commune.population).toFixed(2);
    expect(data.commune.fundingPerInhabitant).toBe(expected);
  });

  it("applies the ServiceFilter semantics: located in OR serving, type, age", async () => {
    const { data, errors } = await stack.query(
      `query($f: ServiceFilter) { services(filter: $f, first: 500) { totalCount nodes { id type ageMinMonths ageMaxMonths } } }`,
      { f: { communeCode: "62489", types: ["EAJE", "MICRO_CRECHE", "MAM", "RPE"], ageMonths: 8 } },
    );
    expect(errors).toBeUndefined();
    const expected = servingCommune("62489").filter(
      (s) => ["EAJE", "MICRO_CRECHE", "MAM", "RPE"].includes(s.type) && (s.ageMinMonths ?? 0) <= 8 && (s.ageMaxMonths ?? 9999) >= 8,
    );
    expect(data.services.totalCount).toBe(expected.length);
    expect(data.services.nodes.map((n: { id: string }) => n.id).sort()).toEqual(expected.map((s) => s.id).sort());
  });

  it.each([
    ["betune", "Béthune"],
    ["noeux les mines", "Nœux-les-Mines"],
    ["62700", "Bruay-la-Buissière"],
    ["St Venant", "Saint-Venant"],
  ])("finds « %s » as %s through the gateway", async (search, name) => {
    const { data } = await stack.query(`query($s: String) { communes(search: $s, first: 1) { name } }`, { s: search });
    expect(data.communes[0].name).toBe(name);
  });

  it("answers unknown codes with null, not an error", async () => {
    const { data, errors } = await stack.query(`{ commune(code: "99999") { name } partner(id: "nobody") { name } service(id: "svc-none") { name } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ commune: null, partner: null, service: null });
  });

  it.each([
    [`{ services(filter: { ageMonths: -3 }) { totalCount } }`, /ageMonths must be between 0 and 1200/],
    [`{ services(filter: { near: { lat: 50.5, lon: 2.6, radiusKm: 250 } }) { totalCount } }`, /radiusKm must be over 0 and at most 100 km/],
    [`{ services(first: 1000) { totalCount } }`, /first must be an integer between 0 and 500/],
    [`{ services(filter: { communeCode: "ABC" }) { totalCount } }`, /5-character INSEE code/],
    [`{ fundings(filter: { year: 1800 }) { id } }`, /year/],
  ])("passes precise BAD_USER_INPUT errors through: %s", async (query, message) => {
    const { errors } = await stack.query(query);
    expect(errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0].message).toMatch(message);
  });

  it("runs as many SQL statements for a commune with few services as for one with many", async () => {
    const query = `query($code: ID!) { commune(code: $code) { name services { name operator { name } fundings { amount funder { name } } } } }`;
    const measure = async (code: string) => {
      const before = stack.statements();
      const { data, errors } = await stack.query(query, { code });
      expect(errors).toBeUndefined();
      return { statements: stack.statements() - before, services: data.commune.services.length };
    };
    const few = await measure("62029");
    const many = await measure("62119");
    expect(many.services).toBeGreaterThan(few.services + 10);
    expect(many.statements).toBe(few.statements);
  });

  it("forwards the verified identity, the gateway's secret and traceparent to the subgraphs, never the caller's token", async () => {
    const seen: Record<string, string | undefined>[] = [];
    const target = new URL(stack.subgraphs.funding.url);
    const proxy = createServer((req, res) => {
      seen.push({
        authorization: req.headers.authorization,
        traceparent: req.headers.traceparent as string | undefined,
        identity: req.headers["x-ctg-identity"] as string | undefined,
        secret: req.headers["x-ctg-gateway-secret"] as string | undefined,
      });
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(upstream);
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    const proxied = await stack.startGateway({}, { funding: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` });
    try {
      const token = await issueToken({ role: "STAFF", partnerId: null, subject: "dev-staff", ttlSeconds: 600 }, signingSettingsFromEnv({}));
      const traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
      const { errors } = await proxied.query(`{ service(id: "${sample.services[0].id}") { fundings { amount } } }`, {}, { authorization: `Bearer ${token}`, traceparent });
      expect(errors).toBeUndefined();
      expect(seen).toContainEqual({
        authorization: undefined,
        traceparent,
        identity: JSON.stringify({ role: "STAFF", partnerId: null, subject: "dev-staff" }),
        secret: proxied.gatewaySecret,
      });
    } finally {
      await proxied.close();
      proxy.close();
    }
  });
});

describe("failures", () => {
  it("reports an unreachable subgraph on /ready and still answers the part it can", async () => {
    const broken = await startStack("broken");
    try {
      await broken.subgraphs.funding.stop();
      const ready = await fetch(new URL("/ready", broken.gatewayUrl));
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as any;
      expect(body.checks.funding.ok).toBe(false);
      expect(body.checks.services.ok).toBe(true);
      const { data, errors } = await broken.query(`{ commune(code: "62119") { name fundingPerInhabitant(year: 2026) } }`);
      expect(errors?.length).toBeGreaterThan(0);
      expect(data?.commune).toEqual({ name: "Béthune", fundingPerInhabitant: null });
    } finally {
      await broken.close();
    }
  }, STACK_TIMEOUT);

  it("reports a lost database on the subgraph's /ready and answers queries with a clear error", async () => {
    const broken = await startStack("nodb");
    try {
      await broken.subgraphs.services.loseDatabase();
      const ready = await fetch(new URL("/ready", broken.subgraphs.services.url));
      expect(ready.status).toBe(503);
      const { errors } = await broken.query(`{ services(first: 1) { totalCount } }`);
      expect(errors?.[0].message).toMatch(/services database is unavailable/);
      expect(JSON.stringify(errors)).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      await broken.close();
    }
  }, STACK_TIMEOUT);
});
