import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken, signingSettingsFromEnv } from "../gateway/src/dev-token.ts";
import { startStack, type Stack } from "./support/stack.ts";

/**
 * Issue #5, point 3: the data·inclusion import through the graph, by an ADMIN, while the hub
 * serves — files fetched from URLs, partners written by the partners subgraph, services by the
 * services subgraph, the same report as the command line.
 */

const fixture = (name: string) => readFileSync(new URL(`../packages/data-inclusion/fixtures/${name}`, import.meta.url));

let stack: Stack;
let files: Server;
let base: string;
const tokens: Record<string, string> = {};

const IMPORT = `mutation($input: DataInclusionImportInput!) {
  importDataInclusion(input: $input) {
    runId mode dryRun written read { structures services }
    partners { created updated unchanged archived reused } services { created updated unchanged archived }
    skipped { outsideTerritory notAFamilyService withoutLocation olderThanStored structuresWithoutService }
    invalid { file index id reason } invalidCount durationMs text
  } }`;

const run = (who: string, input: Record<string, unknown>) =>
  stack.query(IMPORT, { input: { structuresUrl: `${base}/structures.json`, servicesUrl: `${base}/services.json`, ...input } }, who === "resident" ? {} : { authorization: `Bearer ${tokens[who]}` });

const count = async (query: string) => {
  const result = await stack.query(query, {}, { authorization: `Bearer ${tokens.admin}` });
  return result.data;
};

beforeAll(async () => {
  files = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://files");
    const send = () => {
      if (url.pathname === "/object.json") return res.writeHead(200, { "content-type": "application/json" }).end('{"not": "an array"}');
      const name = url.pathname.slice(1);
      if (!/^(structures|services|invalid-structures|invalid-services)\.json$/.test(name)) return res.writeHead(404).end("not found");
      res.writeHead(200, { "content-type": "application/json" }).end(fixture(name));
    };
    // ?slow holds the answer, so that a second import arrives while the first runs.
    if (url.searchParams.has("slow")) setTimeout(send, 1_500);
    else send();
  });
  await new Promise<void>((r) => files.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  stack = await startStack("di_graph");
  const settings = signingSettingsFromEnv({});
  tokens.admin = await issueToken({ role: "ADMIN", partnerId: null, subject: "e2e-admin", ttlSeconds: 600 }, settings);
  tokens.staff = await issueToken({ role: "STAFF", partnerId: null, subject: "e2e-staff", ttlSeconds: 600 }, settings);
  tokens.editor = await issueToken({ role: "PARTNER_EDITOR", partnerId: "sivom-bruaysis", subject: "e2e-editor", ttlSeconds: 600 }, settings);
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await new Promise<void>((r) => (files ? files.close(() => r()) : r()));
});

describe("importDataInclusion through the gateway", () => {
  it.each([
    ["resident", "UNAUTHENTICATED"],
    ["staff", "FORBIDDEN"],
    ["editor", "FORBIDDEN"],
  ])("is refused to a %s (%s)", async (who, code) => {
    const result = await run(who, {});
    expect(result.errors?.[0].extensions?.code).toBe(code);
    expect(result.data?.importDataInclusion ?? null).toBeNull();
  });

  it("a strict import of a file with invalid records writes nothing and lists them", async () => {
    const result = await run("admin", { servicesUrl: `${base}/invalid-services.json` });
    const report = result.data!.importDataInclusion;
    expect(report).toMatchObject({ mode: "STRICT", written: false, services: { created: 0 }, partners: { created: 0 } });
    expect(report.invalidCount).toBeGreaterThan(0);
    expect(report.invalid[0]).toMatchObject({ file: "SERVICES", index: expect.any(Number), reason: expect.any(String) });
    expect(report.text).toMatch(/Strict mode: nothing was written/);
    const after = await count(`{ services(filter: { text: "Hirondelles" }) { totalCount } }`);
    expect(after.services.totalCount).toBe(0);
  });

  it("a dry run reports what it would do and writes nothing", async () => {
    const report = (await run("admin", { dryRun: true })).data!.importDataInclusion;
    expect(report).toMatchObject({ dryRun: true, written: false, services: { created: 22 }, partners: { created: 6 } });
    expect((await count(`{ services(filter: { text: "Hirondelles" }) { totalCount } }`)).services.totalCount).toBe(0);
  });

  it("imports the files: the same report as the command line, partners and services in the graph, both subgraphs audit the run", async () => {
    const result = await run("admin", {});
    expect(result.errors).toBeUndefined();
    const report = result.data!.importDataInclusion;
    expect(report).toMatchObject({
      mode: "STRICT",
      written: true,
      read: { structures: 15, services: 28 },
      services: { created: 22, updated: 0, archived: 0, unchanged: 0 },
      partners: { created: 6, updated: 0, archived: 0, reused: 6 },
      skipped: { outsideTerritory: 4, notAFamilyService: 2, withoutLocation: 0, olderThanStored: 0, structuresWithoutService: 3 },
      invalidCount: 0,
    });
    expect(report.runId).toMatch(/^import-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
    expect(report.text).toMatch(/^data·inclusion import \(strict mode\): 15 structures and 28 services read/);

    // What a resident sees through the gateway: the imported service, run by the imported partner.
    const seen = await stack.query(`{ services(filter: { text: "Hirondelles" }) { nodes { name phone operator { name kind } commune { name } } } }`);
    expect(seen.data.services.nodes).toHaveLength(1);
    expect(seen.data.services.nodes[0]).toMatchObject({ phone: "03 53 48 02 01", commune: { name: "Béthune" } });

    const trail = await count(`{
      serviceAuditTrail { entityType entityId action outcome actor { role subject } after }
      partnerAuditTrail { entityType entityId action outcome actor { role subject } after }
    }`);
    const servicesRun = trail.serviceAuditTrail.find((e: any) => e.entityId === report.runId);
    const partnersRun = trail.partnerAuditTrail.find((e: any) => e.entityId === report.runId);
    expect(servicesRun).toMatchObject({ entityType: "DataInclusionImport", action: "IMPORT", outcome: "APPLIED", actor: { role: "ADMIN", subject: "e2e-admin" } });
    expect(servicesRun.after).toMatchObject({ services: { created: 22 }, structuresUrl: `${base}/structures.json` });
    expect(partnersRun).toMatchObject({ entityType: "DataInclusionImport", action: "IMPORT", outcome: "APPLIED", actor: { role: "ADMIN" } });
    expect(partnersRun.after.created).toHaveLength(6);
    const partner = await stack.query(`query($id: ID!) { partner(id: $id) { id source } }`, { id: partnersRun.after.created[0] });
    expect(partner.data.partner.source).toMatch(/^data·inclusion:/);
  });

  it("is idempotent: the same files again change nothing", async () => {
    const report = (await run("admin", {})).data!.importDataInclusion;
    expect(report).toMatchObject({ written: false, services: { created: 0, updated: 0, archived: 0, unchanged: 22 }, partners: { created: 0, unchanged: 6 } });
  });

  it("runs one import at a time: a second one meanwhile gets CONFLICT", async () => {
    const slow = run("admin", { structuresUrl: `${base}/structures.json?slow`, dryRun: true });
    await new Promise((r) => setTimeout(r, 300));
    const second = await run("admin", { dryRun: true });
    expect(second.errors?.[0].extensions).toMatchObject({ code: "CONFLICT" });
    expect(second.errors?.[0].message).toMatch(/An import is already running/);
    expect((await slow).data?.importDataInclusion.dryRun).toBe(true);
  });

  it.each([
    [{ servicesUrl: "/services.json" }, "input.servicesUrl", /is not a URL/],
    [{ servicesUrl: "ftp://example.org/services.json" }, "input.servicesUrl", /ftp: URLs are not fetched/],
    [{ structuresUrl: "MISSING" }, "input.structuresUrl", /answered HTTP 404/],
    [{ servicesUrl: "OBJECT" }, "input.servicesUrl", /must hold a JSON array of data·inclusion services, but it starts with a JSON object/],
  ])("refuses %j with BAD_USER_INPUT naming the URL", async (input, argument, message) => {
    const patched = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === "MISSING" ? `${base}/nothing.json` : v === "OBJECT" ? `${base}/object.json` : v]));
    const result = await run("admin", patched);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    expect(result.errors?.[0].message).toMatch(message);
    expect(result.errors?.[0].message).not.toMatch(/ctg-import-/);
  });

  it("keeps the partners subgraph's internal fields out of the public graph", async () => {
    const result = await stack.query(`{ dataInclusionImportPartners }`, {}, { authorization: `Bearer ${tokens.admin}` });
    expect(result.errors?.[0].extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const direct = await stack.callSubgraph("partners", `{ dataInclusionImportPartners }`);
    expect(((await direct.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });
});
