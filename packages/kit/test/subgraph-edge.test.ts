import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "graphql-tag";
import { GATEWAY_SECRET_HEADER, IDENTITY_HEADER, type Identity } from "../src/identity.ts";
import { listen, type RunningEdge } from "../src/http.ts";
import { createSubgraphServer, type SubgraphServer } from "../src/subgraph-server.ts";
import { assertSubgraphAccess, subgraphEdgeSettings, type SubgraphAccess } from "../src/gateway-access.ts";

/**
 * The subgraph edge on a one-field schema: who reaches the resolvers, and with which identity in
 * their context. The real subgraphs share this edge (defineSubgraph → createSubgraphServer).
 */
const typeDefs = gql`
  type Query {
    whoAmI: Who
  }
  type Who {
    role: String!
    partnerId: String
    subject: String
    requestId: String
  }
`;
const fakeDb = {
  kind: "pglite",
  location: "memory",
  statements: { count: 0 },
  migration: { applied: [], alreadyApplied: 0 },
  ping: async () => {},
} as never;

interface Ctx {
  identity: Identity;
  requestId: string | null;
}

const SECRET = "a-test-gateway-secret-of-sufficient-length";
const servers: { edge: RunningEdge; server: SubgraphServer<Ctx> }[] = [];

async function start(access: SubgraphAccess, maxBodyBytes?: number): Promise<string> {
  const server = await createSubgraphServer<never, Ctx>({
    name: "test",
    typeDefs,
    resolvers: { Query: { whoAmI: (_: unknown, __: unknown, ctx: Ctx) => ({ ...ctx.identity, requestId: ctx.requestId }) } },
    db: fakeDb,
    context: (_db, request) => ({ identity: request.identity, requestId: request.requestId }),
    access,
    maxBodyBytes,
  });
  const edge = await listen(server.http, 0);
  servers.push({ edge, server });
  return edge.url;
}

const ask = (url: string, headers: Record<string, string> = {}, query = "{ whoAmI { role partnerId subject requestId } }") =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });

let closed: string;
let open: string;
beforeAll(async () => {
  closed = await start({ secret: SECRET, open: false });
  open = await start({ secret: SECRET, open: true });
});
afterAll(async () => {
  for (const { edge, server } of servers) {
    await edge.close();
    await server.apollo.stop();
  }
});

describe("a subgraph behind the gateway's secret", () => {
  it("puts the forwarded identity into the resolvers' context when the gateway's secret comes with it", async () => {
    const identity = { role: "PARTNER_EDITOR", partnerId: "sivom-bruaysis", subject: "dev-partner-editor" };
    const response = await ask(closed, { [GATEWAY_SECRET_HEADER]: SECRET, [IDENTITY_HEADER]: JSON.stringify(identity), "x-request-id": "gw-req-42" });
    expect(response.status).toBe(200);
    expect((await response.json()).data.whoAmI).toEqual({ ...identity, requestId: "gw-req-42" });
    expect(response.headers.get("x-request-id")).toBe("gw-req-42");
  });

  it("serves the gateway's requests without an identity as a RESIDENT", async () => {
    const response = await ask(closed, { [GATEWAY_SECRET_HEADER]: SECRET });
    expect((await response.json()).data.whoAmI).toMatchObject({ role: "RESIDENT", partnerId: null, subject: null });
  });

  it.each([
    ["without the secret", {}, /header is missing/],
    ["with a wrong secret", { [GATEWAY_SECRET_HEADER]: `${SECRET}x` }, /header is wrong/],
    ["with an identity but no secret", { [IDENTITY_HEADER]: '{"role":"ADMIN","partnerId":null,"subject":"me"}' }, /header is missing/],
  ])("refuses a direct call %s with 401", async (_, headers, message) => {
    const response = await ask(closed, headers as Record<string, string>);
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(body.errors[0].message).toMatch(message);
    expect(body.data).toBeUndefined();
  });

  it("refuses a malformed identity even beside the right secret, with 400", async () => {
    const response = await ask(closed, { [GATEWAY_SECRET_HEADER]: SECRET, [IDENTITY_HEADER]: '{"role":"PARTNER_EDITOR"}' });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].message).toMatch(/needs partnerId/);
  });

  it("still answers /health, /ready and /metrics without the secret", async () => {
    for (const path of ["/health", "/ready", "/metrics"]) {
      expect((await fetch(new URL(path, closed))).status).toBe(200);
    }
  });

  it("counts refused requests by status in /metrics", async () => {
    await ask(closed);
    const metrics = await (await fetch(new URL("/metrics", closed))).text();
    expect(metrics).toMatch(/ctg_http_refused_total\{service="test",status="401"\} \d+/);
  });
});

describe("a subgraph in open local development (CTG_SUBGRAPH_OPEN=1)", () => {
  it("serves direct calls as a RESIDENT, whatever identity they claim", async () => {
    const response = await ask(open, { [IDENTITY_HEADER]: '{"role":"ADMIN","partnerId":null,"subject":"me"}' });
    expect(response.status).toBe(200);
    expect((await response.json()).data.whoAmI.role).toBe("RESIDENT");
  });

  it("still trusts the identity that comes with the right secret, and refuses a wrong secret", async () => {
    const admin = '{"role":"ADMIN","partnerId":null,"subject":"ops"}';
    expect((await (await ask(open, { [GATEWAY_SECRET_HEADER]: SECRET, [IDENTITY_HEADER]: admin })).json()).data.whoAmI.role).toBe("ADMIN");
    expect((await ask(open, { [GATEWAY_SECRET_HEADER]: "guess", [IDENTITY_HEADER]: admin })).status).toBe(401);
  });
});

describe("the subgraph's settings", () => {
  it("refuses to start a subgraph that has neither a gateway secret nor open mode", () => {
    expect(() => assertSubgraphAccess("services", subgraphEdgeSettings({}))).toThrow(/set CTG_GATEWAY_SECRET .* or CTG_SUBGRAPH_OPEN=1/);
  });

  it("refuses open mode and short secrets in production", () => {
    expect(() => assertSubgraphAccess("services", subgraphEdgeSettings({ CTG_MODE: "production", CTG_SUBGRAPH_OPEN: "1", CTG_GATEWAY_SECRET: SECRET }))).toThrow(
      /CTG_SUBGRAPH_OPEN=1 is for local development/,
    );
    expect(() => assertSubgraphAccess("services", subgraphEdgeSettings({ CTG_MODE: "production", CTG_GATEWAY_SECRET: "short" }))).toThrow(/at least 32 characters/);
    expect(() => assertSubgraphAccess("services", subgraphEdgeSettings({ CTG_MODE: "production", CTG_GATEWAY_SECRET: SECRET }))).not.toThrow();
  });

  it("reads the body limit, and refuses a body over it with 413", async () => {
    expect(subgraphEdgeSettings({ CTG_SUBGRAPH_MAX_BODY_BYTES: "2048" }).maxBodyBytes).toBe(2048);
    const small = await start({ secret: SECRET, open: false }, 2048);
    const response = await ask(small, { [GATEWAY_SECRET_HEADER]: SECRET }, `{ whoAmI { role } } # ${"x".repeat(4096)}`);
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0]).toMatchObject({ message: "The request body is over 2048 bytes, this endpoint's limit.", extensions: { code: "PAYLOAD_TOO_LARGE" } });
  });
});
