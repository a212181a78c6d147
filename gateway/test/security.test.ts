import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GATEWAY_SECRET_HEADER } from "@ctg/kit";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FindServicesDocument } from "../../bot/src/generated/graphql.ts";
import { createGatewayClient } from "../../bot/src/gateway-client.ts";
import { startBot } from "../../test/support/bot.ts";
import { startStack, type Stack, type StackGateway } from "../../test/support/stack.ts";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEVELOPMENT_JWT_SECRET } from "../src/auth.ts";
import { corsPolicy, developmentGatewayConfig, type GatewayConfig } from "../src/config.ts";
import type { SubgraphName } from "../src/supergraph.ts";

/**
 * The hardened edge of issue #4: who may ask (tokens, the subgraphs' secret), how much one
 * operation may ask (limits), what production hides (introspection, IDE, internal errors), the
 * bot's safelist, rate limits and CORS — against the real subgraphs.
 */

let stack: Stack;
const cleanups: (() => Promise<void>)[] = [];
const PRODUCTION_JWT_SECRET = "a-production-secret-that-is-long-enough-0123456789";

/** Another gateway on the stack's subgraphs, with settings of its own. */
async function startGateway(overrides: Partial<GatewayConfig>, urls: Partial<Record<SubgraphName, string>> = {}): Promise<StackGateway> {
  const gateway = await stack.startGateway(overrides, urls);
  cleanups.push(gateway.close);
  return gateway;
}

async function startHttp(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const now = () => Math.floor(Date.now() / 1000);

async function hs256(claims: JWTPayload, options: { secret?: string | Uint8Array; exp?: number; iss?: string; aud?: string; sub?: string | null } = {}) {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setIssuer(options.iss ?? DEFAULT_ISSUER).setAudience(options.aud ?? DEFAULT_AUDIENCE).setIssuedAt();
  if (options.sub !== null) jwt.setSubject(options.sub ?? "tester");
  jwt.setExpirationTime(options.exp ?? now() + 600);
  const secret = options.secret ?? DEVELOPMENT_JWT_SECRET;
  return jwt.sign(typeof secret === "string" ? new TextEncoder().encode(secret) : secret);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const SERVICES_QUERY = { query: "{ services(first: 1) { totalCount } }" };

// The services subgraph behind a proxy that records what the gateway sends it.
const seen: Record<string, string | undefined>[] = [];
let recorded: StackGateway;
let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
let jwksUrl: string;
let production: StackGateway;

beforeAll(async () => {
  stack = await startStack("security");
  const target = new URL(stack.subgraphs.services.url);
  const proxy = await startHttp((req, res) => {
    seen.push({
      identity: req.headers["x-ctg-identity"] as string | undefined,
      secret: req.headers[GATEWAY_SECRET_HEADER] as string | undefined,
      requestId: req.headers["x-request-id"] as string | undefined,
      authorization: req.headers.authorization,
    });
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: target.pathname, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    req.pipe(upstream);
  });
  rsa = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(rsa.publicKey)), kid: "test-key-1", alg: "RS256", use: "sig" };
  const jwksBase = await startHttp((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  jwksUrl = `${jwksBase}/jwks.json`;
  recorded = await startGateway(
    { auth: { ...developmentGatewayConfig().auth, jwksUrl } },
    { services: `${proxy}/graphql` },
  );
  production = await startGateway({ mode: "production", auth: { ...developmentGatewayConfig().auth, hs256Secret: PRODUCTION_JWT_SECRET }, cors: corsPolicy([]) });
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  await stack?.close();
});

/** The identity the services subgraph received for one request through the recording gateway. */
async function identitySeen(headers: Record<string, string>): Promise<unknown> {
  seen.length = 0;
  const response = await recorded.post(SERVICES_QUERY, headers);
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  expect(seen).toHaveLength(1);
  expect(seen[0].secret).toBe(stack.gatewaySecret);
  expect(seen[0].authorization).toBeUndefined();
  expect(seen[0].requestId).toBe(response.headers.get("x-request-id"));
  return JSON.parse(seen[0].identity ?? "null");
}

async function refusal(response: Response) {
  const body = await response.json();
  return { status: response.status, code: body.errors?.[0]?.extensions?.code, reason: body.errors?.[0]?.extensions?.reason, message: body.errors?.[0]?.message as string, data: body.data };
}

describe("identity: tokens verified at the gateway, forwarded to the subgraphs", () => {
  it("serves a request without a token as a RESIDENT", async () => {
    expect(await identitySeen({})).toEqual({ role: "RESIDENT", partnerId: null, subject: null });
  });

  it.each([
    [{ role: "STAFF" }, { role: "STAFF", partnerId: null, subject: "tester" }],
    [{ role: "PARTNER_EDITOR", partnerId: "sivom-bruaysis" }, { role: "PARTNER_EDITOR", partnerId: "sivom-bruaysis", subject: "tester" }],
    [{ role: "admin" }, { role: "ADMIN", partnerId: null, subject: "tester" }],
  ])("accepts an HS256 token with %j and forwards that identity beside the gateway's secret", async (claims, identity) => {
    expect(await identitySeen(bearer(await hs256(claims)))).toEqual(identity);
  });

  it("accepts an RS256 token signed by a key of the JWKS, fetched from its URL", async () => {
    const token = await new SignJWT({ role: "PARTNER_EDITOR", partnerId: "caf-62" })
      .setProtectedHeader({ alg: "RS256", kid: "test-key-1" })
      .setIssuer(DEFAULT_ISSUER)
      .setAudience(DEFAULT_AUDIENCE)
      .setSubject("idp-user-7")
      .setExpirationTime(now() + 600)
      .sign(rsa.privateKey);
    expect(await identitySeen(bearer(token))).toEqual({ role: "PARTNER_EDITOR", partnerId: "caf-62", subject: "idp-user-7" });
  });

  it("refuses a forged token (signed with another secret) with 401 and says why", async () => {
    const response = await recorded.post(SERVICES_QUERY, bearer(await hs256({ role: "ADMIN" }, { secret: "someone-elses-secret" })));
    expect(await refusal(response)).toMatchObject({ status: 401, code: "UNAUTHENTICATED", reason: "BAD_SIGNATURE", data: undefined });
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
  });

  it("refuses a token whose claims were changed after signing", async () => {
    const [header, , signature] = (await hs256({ role: "STAFF" })).split(".");
    const tampered = `${header}.${b64({ role: "ADMIN", sub: "tester", iss: DEFAULT_ISSUER, aud: DEFAULT_AUDIENCE, exp: now() + 600 })}.${signature}`;
    expect(await refusal(await recorded.post(SERVICES_QUERY, bearer(tampered)))).toMatchObject({ status: 401, reason: "BAD_SIGNATURE" });
  });

  it("refuses an expired token, saying when it expired", async () => {
    const exp = now() - 3600;
    const result = await refusal(await recorded.post(SERVICES_QUERY, bearer(await hs256({ role: "STAFF" }, { exp }))));
    expect(result).toMatchObject({ status: 401, reason: "EXPIRED" });
    expect(result.message).toBe(`The bearer token expired at ${new Date(exp * 1000).toISOString()}; get a new one.`);
  });

  it('refuses an unsigned token (alg "none")', async () => {
    const token = `${b64({ alg: "none", typ: "JWT" })}.${b64({ role: "ADMIN", sub: "x", iss: DEFAULT_ISSUER, aud: DEFAULT_AUDIENCE, exp: now() + 600 })}.`;
    const result = await refusal(await recorded.post(SERVICES_QUERY, bearer(token)));
    expect(result).toMatchObject({ status: 401, reason: "ALGORITHM_NOT_ACCEPTED" });
    expect(result.message).toBe('The bearer token is signed with alg "none"; this gateway accepts HS256 or RS256 only.');
  });

  it("refuses an RS256 token where only HS256 is configured", async () => {
    const token = await new SignJWT({ role: "STAFF" }).setProtectedHeader({ alg: "RS256", kid: "test-key-1" }).setIssuer(DEFAULT_ISSUER).setAudience(DEFAULT_AUDIENCE).setSubject("x").setExpirationTime(now() + 600).sign(rsa.privateKey);
    expect(await refusal(await stack.post(SERVICES_QUERY, bearer(token)))).toMatchObject({ status: 401, reason: "ALGORITHM_NOT_ACCEPTED" });
  });

  it("refuses an HS256 token signed with the JWKS's public key (algorithm confusion)", async () => {
    const publicPem = await exportSPKI(rsa.publicKey);
    const token = await hs256({ role: "ADMIN" }, { secret: publicPem });
    expect(await refusal(await recorded.post(SERVICES_QUERY, bearer(token)))).toMatchObject({ status: 401, reason: "BAD_SIGNATURE" });
    const jwksOnly = await startGateway({ auth: { ...developmentGatewayConfig().auth, hs256Secret: undefined, jwksUrl } });
    expect(await refusal(await jwksOnly.post(SERVICES_QUERY, bearer(token)))).toMatchObject({ status: 401, reason: "ALGORITHM_NOT_ACCEPTED" });
  });

  it("refuses an RS256 token whose key is not in the JWKS", async () => {
    const other = await generateKeyPair("RS256");
    const token = await new SignJWT({ role: "STAFF" }).setProtectedHeader({ alg: "RS256", kid: "unknown-key" }).setIssuer(DEFAULT_ISSUER).setAudience(DEFAULT_AUDIENCE).setSubject("x").setExpirationTime(now() + 600).sign(other.privateKey);
    expect(await refusal(await recorded.post(SERVICES_QUERY, bearer(token)))).toMatchObject({ status: 401, reason: "UNKNOWN_KEY" });
  });

  it.each([
    ["a token that is not a JWT", { authorization: "Bearer not-a-jwt" }, "MALFORMED"],
    ["another authorization scheme", { authorization: "Basic YWxhZGRpbjpvcGVuc2VzYW1l" }, "MALFORMED"],
    ["an empty bearer", { authorization: "Bearer " }, "MALFORMED"],
  ])("refuses %s with 401", async (_, headers, reason) => {
    expect(await refusal(await recorded.post(SERVICES_QUERY, headers))).toMatchObject({ status: 401, code: "UNAUTHENTICATED", reason });
  });

  it.each([
    ["another issuer", { role: "STAFF" }, { iss: "https://elsewhere.example" }, /iss claim is not valid .*expects "ctg-hub"/],
    ["another audience", { role: "STAFF" }, { aud: "another-api" }, /aud claim is not valid .*expects "ctg-gateway"/],
    ["no subject", { role: "STAFF" }, { sub: null }, /sub claim is not valid/],
    ["an unknown role", { role: "MAYOR" }, {}, /role claim must be one of STAFF, PARTNER_EDITOR, ADMIN \(got "MAYOR"\)/],
    ["the RESIDENT role", { role: "RESIDENT" }, {}, /role claim must be one of/],
    ["a partner editor without partnerId", { role: "PARTNER_EDITOR" }, {}, /a PARTNER_EDITOR needs partnerId/],
  ])("refuses a well-signed token with %s", async (_, claims, options, message) => {
    const result = await refusal(await recorded.post(SERVICES_QUERY, bearer(await hs256(claims, options))));
    expect(result).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    expect(result.message).toMatch(message);
  });
});

describe("the subgraphs answer the gateway only", () => {
  it("refuses a direct call without the gateway's secret, or with a wrong one, with 401", async () => {
    const query = "{ services(first: 1) { totalCount } }";
    expect(await refusal(await stack.callSubgraph("services", query, {}, false))).toMatchObject({ status: 401, code: "UNAUTHENTICATED", data: undefined });
    expect(await refusal(await stack.callSubgraph("partners", query, { [GATEWAY_SECRET_HEADER]: "a-guess" }, false))).toMatchObject({ status: 401 });
    const forged = await stack.callSubgraph("services", query, { "x-ctg-identity": '{"role":"ADMIN","partnerId":null,"subject":"me"}' }, false);
    expect(forged.status).toBe(401);
  });

  it("answers a direct call with the gateway's secret", async () => {
    const response = await stack.callSubgraph("services", "{ services(first: 1) { totalCount } }");
    expect(response.status).toBe(200);
    expect((await response.json()).data.services.totalCount).toBeGreaterThan(0);
  });
});

describe("limits on one operation", () => {
  it("refuses an operation nested deeper than 8 levels, stating the limit and the depth", async () => {
    const response = await stack.post({ query: `{ commune(code: "62119") { services { serviceArea { services { serviceArea { services { serviceArea { services { name } } } } } } } } }` });
    expect(await refusal(response)).toMatchObject({
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "The operation is 9 levels deep; the gateway accepts at most 8 (CTG_MAX_DEPTH).",
    });
  });

  it("refuses more than 15 aliases, stating the limit and the count", async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `c${i}: commune(code: "62119") { name }`).join(" ")} }`;
    expect(await refusal(await stack.post({ query }))).toMatchObject({
      status: 400,
      code: "GRAPHQL_VALIDATION_FAILED",
      message: "The operation uses 16 aliases; the gateway accepts at most 15 (CTG_MAX_ALIASES).",
    });
  });

  it("refuses a document of more than 1000 tokens, stating the limit and the count", async () => {
    const query = `{ commune(code: "62119") { ${"name ".repeat(1200)} } }`;
    expect(await refusal(await stack.post({ query }))).toMatchObject({
      status: 400,
      code: "GRAPHQL_PARSE_FAILED",
      message: "The operation has 1210 tokens; the gateway parses at most 1000 (CTG_MAX_TOKENS).",
    });
  });

  it("refuses an operation whose estimated cost is over 20000, before running it", async () => {
    const before = stack.statements();
    const result = await refusal(await stack.post({ query: "query Everything { communes(first: 500) { services { fundings { funder { name } } } } }" }));
    expect(result).toMatchObject({ status: 400, code: "GRAPHQL_VALIDATION_FAILED" });
    expect(result.message).toMatch(/^Operation Everything has an estimated cost of 210500; the gateway accepts at most 20000 \(CTG_MAX_COST\)\./);
    expect(stack.statements()).toBe(before);
  });

  it("refuses a body over the limit with 413 without reading it", async () => {
    const response = await stack.post({ query: "{ communes(first: 1) { name } }", variables: { padding: "x".repeat(200_000) } });
    expect(await refusal(response)).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE", message: "The request body is over 100000 bytes, this endpoint's limit." });
  });

  it("applies the configured limits", async () => {
    const strict = await startGateway({ limits: { maxDepth: 2, maxAliases: 0, maxTokens: 20, maxCost: 10, maxBodyBytes: 2_000 } });
    expect((await refusal(await strict.post({ query: `{ commune(code: "62119") { epci { name } } }` }))).message).toMatch(/3 levels deep; the gateway accepts at most 2/);
    expect((await refusal(await strict.post({ query: `{ a: commune(code: "62119") { name } }` }))).message).toMatch(/1 aliases; the gateway accepts at most 0/);
    expect((await refusal(await strict.post({ query: `{ communes(first: 11) { name } }` }))).message).toMatch(/estimated cost of 11; the gateway accepts at most 10/);
    expect((await strict.post({ query: `{ communes(first: 5) { name } }`, variables: { pad: "x".repeat(3_000) } })).status).toBe(413);
  });
});

describe("production mode", () => {
  const staff = async () => bearer(await hs256({ role: "STAFF" }, { secret: PRODUCTION_JWT_SECRET }));

  it("refuses introspection, even with a token", async () => {
    const result = await refusal(await production.post({ query: "{ __schema { types { name } } }" }, await staff()));
    expect(result).toMatchObject({ status: 400, code: "GRAPHQL_VALIDATION_FAILED" });
    expect(result.message).toMatch(/introspection is not allowed/);
  });

  it("serves no IDE, where development serves Apollo's landing page", async () => {
    const page = (url: string) => fetch(url, { headers: { accept: "text/html" } });
    expect((await page(stack.gatewayUrl)).headers.get("content-type")).toMatch(/text\/html/);
    const answer = await page(production.url);
    expect(answer.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
  });

  it("refuses tokens signed with the development secret", async () => {
    expect(await refusal(await production.post(SERVICES_QUERY, bearer(await hs256({ role: "ADMIN" }))))).toMatchObject({ status: 401, reason: "BAD_SIGNATURE" });
  });

  it("masks internal errors as « Internal server error » with the request id, logged with the cause", async () => {
    const broken = await startGateway(
      { mode: "production", auth: { ...developmentGatewayConfig().auth, hs256Secret: PRODUCTION_JWT_SECRET } },
      { funding: "http://127.0.0.1:9/graphql" },
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await broken.post({ query: `{ commune(code: "62119") { name fundingPerInhabitant(year: 2026) } }` }, await staff());
      const requestId = response.headers.get("x-request-id");
      const body = await response.json();
      expect(body.data.commune.name).toBe("Béthune");
      expect(body.errors[0]).toMatchObject({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } });
      expect(Object.keys(body.errors[0].extensions)).toEqual(["code", "requestId"]);
      expect(JSON.stringify(body.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|funding|\.ts:\d+/);
      expect(logged.mock.calls.some((call) => String(call[0]).includes(requestId!))).toBe(true);
    } finally {
      logged.mockRestore();
    }
  });

  it("keeps the messages a client acts on, without suggesting field names", async () => {
    const input = await (await production.post({ query: "{ services(first: 1000) { totalCount } }" }, await staff())).json();
    expect(input.errors[0]).toMatchObject({ message: "first must be an integer between 0 and 500 (got 1000).", extensions: { code: "BAD_USER_INPUT" } });
    expect(input.errors[0].extensions.requestId).toEqual(expect.any(String));
    const typo = await (await production.post({ query: "{ communes(first: 1) { nam } }" }, await staff())).json();
    expect(typo.errors[0].message).toMatch(/Cannot query field "nam"/);
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
  });

  describe("a mutation's client errors keep their message and code", () => {
    const UPDATE = `mutation Update($id: ID!, $v: Int!, $input: UpdateServiceInput!) { updateService(id: $id, expectedVersion: $v, input: $input) { id version } }`;
    const CREATE = `mutation Create($input: CreateServiceInput!) { createService(input: $input) { id version } }`;
    const editor = (partnerId: string, secret: string) => hs256({ role: "PARTNER_EDITOR", partnerId }, { secret, sub: `editor-${partnerId}` });

    /** Runs a mutation as an editor of `partnerId` on `gateway`, signed with the secret that gateway accepts. */
    async function mutate(gateway: "production" | "development", partnerId: string, query: string, variables: Record<string, unknown>) {
      const token = await editor(partnerId, gateway === "production" ? PRODUCTION_JWT_SECRET : DEVELOPMENT_JWT_SECRET);
      const response = await (gateway === "production" ? production.post : stack.post)({ query, variables }, bearer(token));
      return { status: response.status, requestId: response.headers.get("x-request-id"), body: await response.json() };
    }

    /**
     * The one error of a refused mutation in production: the subgraph's message and code (the same
     * as in development), the request id of the response, no data and no stack trace.
     */
    async function expectClientError(partnerId: string, query: string, variables: Record<string, unknown>, code: string, message: RegExp) {
      const dev = await mutate("development", partnerId, query, variables);
      const prod = await mutate("production", partnerId, query, variables);
      expect(prod.status).toBe(200);
      expect(prod.body.data).toBeNull();
      expect(prod.body.errors).toHaveLength(1);
      const [error] = prod.body.errors;
      expect(error.message).toMatch(message);
      expect(error.message).not.toBe("Internal server error");
      expect(error.message).toBe(dev.body.errors[0].message);
      expect(error.extensions).toMatchObject({ code, requestId: prod.requestId });
      expect(prod.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(error.extensions.stacktrace).toBeUndefined();
      expect(error.extensions.exception).toBeUndefined();
      expect(JSON.stringify(prod.body)).not.toMatch(/\.ts:\d+|node_modules|\n\s+at /);
      return error;
    }

    let service: { id: string; version: number; operator: { id: string } };
    beforeAll(async () => {
      const response = await production.post({ query: `{ services(first: 1) { nodes { id version operator { id } } } }` }, await staff());
      service = (await response.json()).data.services.nodes[0];
    });

    it("FORBIDDEN: updateService by an editor of another partner", async () => {
      const other = service.operator.id === "sivom-artois" ? "sivom-bruaysis" : "sivom-artois";
      const error = await expectClientError(other, UPDATE, { id: service.id, v: service.version, input: { capacity: 3 } }, "FORBIDDEN", new RegExp(`Only editors of partner ${service.operator.id} or an ADMIN may change service ${service.id}`));
      expect(error.extensions).not.toHaveProperty("argument");
    });

    it("NOT_FOUND: updateService of an unknown id", async () => {
      const error = await expectClientError(service.operator.id, UPDATE, { id: "svc-no-such-service", v: 1, input: { capacity: 3 } }, "NOT_FOUND", /No service has the id "svc-no-such-service"/);
      expect(error.extensions.argument).toBe("id");
    });

    it("CONFLICT: updateService from a stale expectedVersion", async () => {
      const owner = "sivom-bruaysis";
      const created = await mutate("production", owner, CREATE, { input: { name: "Relais éphémère (test de production)", type: "RPE", communeCode: "62119" } });
      expect(created.body.errors).toBeUndefined();
      const { id } = created.body.data.createService;
      const first = await mutate("production", owner, UPDATE, { id, v: 1, input: { capacity: 10 } });
      expect(first.body.data.updateService).toEqual({ id, version: 2 });
      const error = await expectClientError(owner, UPDATE, { id, v: 1, input: { capacity: 20 } }, "CONFLICT", new RegExp(`Service ${id} is at version 2, not 1`));
      expect(error.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    });
  });

  it("runs the bot's safelisted operations through the bot's own client", async () => {
    const client = createGatewayClient(production.url);
    const result = await client.request(FindServicesDocument, { filter: { communeCode: "62119", types: ["EAJE"] }, first: 5, communeCode: "62119" });
    expect(result.failure).toBeNull();
    expect(result.data?.commune?.name).toBe("Béthune");
    expect(result.data?.services.totalCount).toBeGreaterThan(0);
  });

  it("answers the bot's residents end to end", async () => {
    const bot = await startBot(production.url);
    try {
      const { status, body } = await bot.say("prod-1", "Où trouver une crèche à Béthune ?");
      expect(status).toBe(200);
      expect(body[0].channelData).toMatchObject({ intent: "services.find", notice: null });
      expect(body[0].channelData.total).toBeGreaterThan(0);
    } finally {
      await bot.close();
    }
  });

  it("refuses any other operation from the bot's client, even with a token", async () => {
    const asBot = { "apollographql-client-name": "ctg-bot" };
    const query = { query: "{ communes(first: 100) { name population } }" };
    expect(await refusal(await production.post(query, asBot))).toMatchObject({ status: 403, code: "OPERATION_NOT_SAFELISTED" });
    expect(await refusal(await production.post(query, { ...asBot, ...(await staff()) }))).toMatchObject({ status: 403, code: "OPERATION_NOT_SAFELISTED" });
    const unknownHash = { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } };
    expect(await refusal(await production.post(unknownHash, asBot))).toMatchObject({ code: "PERSISTED_QUERY_NOT_FOUND" });
  });

  it("runs operations of their own for token holders only, unless anonymous operations are opened", async () => {
    const query = { query: "{ communes(first: 2) { name } }" };
    expect(await refusal(await production.post(query))).toMatchObject({ status: 403, code: "OPERATION_NOT_SAFELISTED" });
    const withToken = await production.post(query, await staff());
    expect(withToken.status).toBe(200);
    expect((await withToken.json()).data.communes).toHaveLength(2);
    const open = await startGateway({ mode: "production", anonymousOperations: "open", auth: { ...developmentGatewayConfig().auth, hs256Secret: PRODUCTION_JWT_SECRET } });
    expect((await open.post(query)).status).toBe(200);
  });
});

describe("request ids", () => {
  it("gives every response an x-request-id: the caller's when valid, a fresh one otherwise", async () => {
    const fresh = await stack.post(SERVICES_QUERY);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await stack.post(SERVICES_QUERY, { "x-request-id": "client-req-0001" });
    expect(kept.headers.get("x-request-id")).toBe("client-req-0001");
    const replaced = await stack.post(SERVICES_QUERY, { "x-request-id": "not a valid id; it has spaces" });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await stack.post(SERVICES_QUERY, { authorization: "Bearer x", "x-request-id": "client-req-0002" });
    expect(refused.headers.get("x-request-id")).toBe("client-req-0002");
    expect((await refused.json()).errors[0].extensions.requestId).toBe("client-req-0002");
  });
});

describe("rate limits per client", () => {
  it("answers 429 with Retry-After and a GraphQL error past the burst, per address or token subject", async () => {
    const tight = await startGateway({ rateLimit: { perMinute: 6, burst: 2 } });
    expect((await tight.post(SERVICES_QUERY)).status).toBe(200);
    expect((await tight.post(SERVICES_QUERY)).status).toBe(200);
    const limited = await tight.post(SERVICES_QUERY);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("10");
    expect(await refusal(limited)).toMatchObject({ code: "RATE_LIMITED", message: "Too many requests from this client (6 a minute, 2 at once); retry in 10 s." });
    // A token holder has a bucket of its own.
    expect((await tight.post(SERVICES_QUERY, bearer(await hs256({ role: "STAFF" }, { sub: "alice" })))).status).toBe(200);
  });

  it("throttles token guessing from one address too", async () => {
    const tight = await startGateway({ rateLimit: { perMinute: 6, burst: 2 } });
    const guess = bearer(await hs256({ role: "ADMIN" }, { secret: "guess" }));
    expect((await tight.post(SERVICES_QUERY, guess)).status).toBe(401);
    expect((await tight.post(SERVICES_QUERY, guess)).status).toBe(401);
    expect((await tight.post(SERVICES_QUERY, guess)).status).toBe(429);
  });
});

describe("CORS", () => {
  const preflight = (url: string, origin: string) =>
    fetch(url, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type, authorization" } });

  it("answers the preflight of an allowed origin, and gives a disallowed one no CORS headers", async () => {
    const allowed = await preflight(stack.gatewayUrl, "http://localhost:5173");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const denied = await preflight(stack.gatewayUrl, "https://evil.example");
    expect(denied.status).toBe(204);
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
    expect(denied.headers.get("access-control-allow-methods")).toBeNull();
  });

  it("allows exactly the origins of CTG_CORS_ORIGINS", async () => {
    const configured = await startGateway({ cors: corsPolicy(["https://ctg.example.fr"]) });
    expect((await preflight(configured.url, "https://ctg.example.fr")).headers.get("access-control-allow-origin")).toBe("https://ctg.example.fr");
    expect((await preflight(configured.url, "http://localhost:3000")).headers.get("access-control-allow-origin")).toBeNull();
    const answer = await configured.post(SERVICES_QUERY, { origin: "https://ctg.example.fr" });
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://ctg.example.fr");
    expect(answer.headers.get("access-control-expose-headers")).toMatch(/x-request-id/);
  });
});
