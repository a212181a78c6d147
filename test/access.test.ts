import { INSTITUTION_IDS } from "@ctg/territory-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken, signingSettingsFromEnv } from "../gateway/src/dev-token.ts";
import { startStack, type Stack } from "./support/stack.ts";

/**
 * Issue #4 end to end: tokens signed as `pnpm run token` signs them, verified by the gateway,
 * forwarded to the subgraphs, which decide who may change and see what. One change per subgraph,
 * for every role and owner.
 */

let stack: Stack;
let operatorId: string;
let otherPartnerId: string;
const tokens: Record<string, string> = {};

const CAF = INSTITUTION_IDS.caf;
const GOSNAY = "62377";

async function token(role: "STAFF" | "PARTNER_EDITOR" | "ADMIN", partnerId: string | null = null): Promise<string> {
  return issueToken({ role, partnerId, subject: `e2e-${role.toLowerCase()}${partnerId ? `-${partnerId}` : ""}`, ttlSeconds: 600 }, signingSettingsFromEnv({}));
}

const as = (who: string): Record<string, string> => (who === "resident" ? {} : { authorization: `Bearer ${tokens[who]}` });

async function gql<T = any>(who: string, query: string, variables: Record<string, unknown> = {}) {
  return stack.query<T>(query, variables, as(who));
}

beforeAll(async () => {
  stack = await startStack("access");
  const page = await stack.query(`{ services(first: 500) { nodes { operator { id } } } }`);
  const operators = [...new Set((page.data.services.nodes as { operator: { id: string } }[]).map((n) => n.operator.id))].sort();
  [operatorId, otherPartnerId] = operators.filter((id) => id !== CAF);
  tokens.staff = await token("STAFF");
  tokens.admin = await token("ADMIN");
  tokens.owner = await token("PARTNER_EDITOR", operatorId);
  tokens.other = await token("PARTNER_EDITOR", otherPartnerId);
  tokens.caf = await token("PARTNER_EDITOR", CAF);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const version = async (query: string, variables: Record<string, unknown>) => {
  const result = await gql("admin", query, variables);
  return Object.values(result.data as Record<string, { version: number }>)[0].version;
};

/** One change per subgraph; `owner` is the editor token that owns the record, null when only ADMIN may change it. */
const OPERATIONS = {
  createService: {
    owner: "owner",
    run: (who: string) =>
      gql(who, `mutation($input: CreateServiceInput!) { createService(input: $input) { id } }`, {
        input: { operatorId, name: `Accueil ${who}`, type: "LAEP", communeCode: GOSNAY },
      }),
  },
  updatePartner: {
    owner: "owner",
    run: async (who: string) => {
      const v = await version(`query($id: ID!) { partner(id: $id) { version } }`, { id: operatorId });
      return gql(who, `mutation($id: ID!, $v: Int!) { updatePartner(id: $id, expectedVersion: $v, input: { phone: "03 21 61 39 72" }) { id version } }`, { id: operatorId, v });
    },
  },
  recordFunding: {
    owner: "caf",
    run: (who: string) =>
      gql(who, `mutation($input: RecordFundingInput!) { recordFunding(input: $input) { id amount } }`, {
        input: { funderId: CAF, recipientId: operatorId, mechanism: "PS_LAEP", year: 2026, amount: "1250.50", communeCode: GOSNAY },
      }),
  },
  updateCommune: {
    owner: null,
    run: async (who: string) => {
      const v = await version(`query { commune(code: "${GOSNAY}") { version } }`, {});
      return gql(who, `mutation($v: Int!) { updateCommune(code: "${GOSNAY}", expectedVersion: $v, input: { population: 1100 }) { code version } }`, { v });
    },
  },
} as const;

const WHO = ["resident", "staff", "owner", "caf", "other", "admin"] as const;

function expected(who: (typeof WHO)[number], owner: string | null): string | null {
  if (who === "resident") return "UNAUTHENTICATED";
  if (who === "admin") return null;
  return who === owner ? null : "FORBIDDEN";
}

describe("role × operation × owner, through the gateway", () => {
  const cases = Object.entries(OPERATIONS).flatMap(([name, op]) => WHO.map((who) => [name, who, expected(who, op.owner)] as const));
  it.each(cases)("%s by %s → %s", async (name, who, refusal) => {
    const result = await OPERATIONS[name as keyof typeof OPERATIONS].run(who);
    if (refusal) {
      expect(result.errors?.[0]?.extensions?.code).toBe(refusal);
      expect(Object.values(result.data ?? {}).every((v) => v === null)).toBe(true);
    } else {
      expect(result.errors).toBeUndefined();
      expect(Object.values(result.data!)[0]).toBeTruthy();
    }
  });
});

describe("visibility across subgraphs", () => {
  let draftId: string;
  beforeAll(async () => {
    const created = await gql("owner", `mutation($input: CreateServiceInput!) { createService(input: $input) { id status } }`, {
      input: { name: "Micro-crèche en préparation", type: "MICRO_CRECHE", communeCode: GOSNAY, contacts: [{ name: "Sophie Martin", phone: "03 21 00 00 01", email: "s.martin@example.org" }] },
    });
    draftId = created.data.createService.id;
    const funded = await gql("caf", `mutation($input: RecordFundingInput!) { recordFunding(input: $input) { id } }`, {
      input: { serviceId: draftId, recipientId: operatorId, mechanism: "PSU", year: 2026, amount: "18000.00", communeCode: GOSNAY },
    });
    expect(funded.errors).toBeUndefined();
  });

  it("a draft's funding is public, the draft itself is not: residents get null for the service", async () => {
    const query = `query($id: ID!) { fundings(filter: { serviceId: $id }) { amount service { id name status } } }`;
    const forResident = await gql("resident", query, { id: draftId });
    expect(forResident.data.fundings).toEqual([{ amount: "18000.00", service: null }]);
    const forStaff = await gql("staff", query, { id: draftId });
    expect(forStaff.data.fundings[0].service).toMatchObject({ id: draftId, status: "DRAFT" });
  });

  it("contact persons reach staff and the operator's editors; residents get null with FORBIDDEN", async () => {
    const query = `query($id: ID!) { service(id: $id) { id contacts { name phone email } } }`;
    expect((await gql("staff", query, { id: draftId })).data.service.contacts).toEqual([{ name: "Sophie Martin", phone: "03 21 00 00 01", email: "s.martin@example.org" }]);
    expect((await gql("owner", query, { id: draftId })).data.service.contacts).toHaveLength(1);
    const publish = await gql("owner", `mutation($id: ID!) { updateService(id: $id, expectedVersion: 1, input: { status: PUBLISHED }) { status } }`, { id: draftId });
    expect(publish.data.updateService.status).toBe("PUBLISHED");
    const forResident = await gql("resident", query, { id: draftId });
    expect(forResident.data.service).toEqual({ id: draftId, contacts: null });
    expect(forResident.errors?.[0]).toMatchObject({ path: ["service", "contacts"], extensions: { code: "FORBIDDEN" } });
    expect((await gql("other", query, { id: draftId })).data.service.contacts).toBeNull();
  });
});

describe("concurrent edits through the gateway", () => {
  it("one wins, the other gets CONFLICT, and the audit trail shows both attempts", async () => {
    const v = await version(`query($id: ID!) { partner(id: $id) { version } }`, { id: operatorId });
    const update = `mutation($id: ID!, $v: Int!, $input: UpdatePartnerInput!) { updatePartner(id: $id, expectedVersion: $v, input: $input) { version website } }`;
    const [a, b] = await Promise.all([
      gql("owner", update, { id: operatorId, v, input: { website: "https://a.example.org/" } }),
      gql("admin", update, { id: operatorId, v, input: { website: "https://b.example.org/" } }),
    ]);
    const loser = [a, b].find((r) => r.errors)!;
    const winner = [a, b].find((r) => !r.errors)!;
    expect(loser.errors![0].extensions).toMatchObject({ code: "CONFLICT", expectedVersion: v, currentVersion: v + 1 });
    expect(winner.data.updatePartner.version).toBe(v + 1);

    const trail = await gql("admin", `query($id: ID!) { partnerAuditTrail(partnerId: $id) { id outcome actor { role } versionBefore after } }`, { id: operatorId });
    const attempts = (trail.data.partnerAuditTrail as any[]).filter((e) => e.after?.website?.endsWith(".example.org/"));
    expect(attempts.map((e) => e.outcome).sort()).toEqual(["APPLIED", "CONFLICT"]);
    expect(new Set(attempts.map((e) => e.after.website))).toEqual(new Set(["https://a.example.org/", "https://b.example.org/"]));
    expect((await gql("staff", `{ partnerAuditTrail { id } }`)).errors?.[0].extensions.code).toBe("FORBIDDEN");
  });
});
