import { describe, expect, it } from "vitest";
import { decodeIdentity, encodeIdentity, identityProblem, RESIDENT, sameSecret } from "../src/identity.ts";
import { originAllowed, parseCorsOrigins, type CorsPolicy } from "../src/cors.ts";

describe("the forwarded identity", () => {
  it("round-trips through its header, non-ASCII subjects included", () => {
    const editor = { role: "PARTNER_EDITOR" as const, partnerId: "sivom-bruaysis", subject: "Hélène Dupré" };
    const header = encodeIdentity(editor);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeIdentity(header)).toEqual(editor);
    expect(decodeIdentity(encodeIdentity(RESIDENT))).toEqual(RESIDENT);
  });

  it.each([
    ["not JSON", "role=ADMIN", /not JSON/],
    ["an unknown role", '{"role":"ROOT"}', /role must be one of RESIDENT, STAFF, PARTNER_EDITOR, ADMIN/],
    ["a partner editor without its partner", '{"role":"PARTNER_EDITOR"}', /needs partnerId/],
    ["a partner on another role", '{"role":"STAFF","partnerId":"caf"}', /partnerId belongs to PARTNER_EDITOR only/],
    ["a resident with a subject", '{"role":"RESIDENT","subject":"x"}', /a RESIDENT has no subject/],
  ])("refuses %s", (_, header, message) => {
    expect(() => decodeIdentity(header)).toThrow(message);
  });

  it("validates the fields the gateway builds an identity from", () => {
    expect(identityProblem("ADMIN", null, "ops")).toBeNull();
    expect(identityProblem("PARTNER_EDITOR", "bad id!", "x")).toMatch(/needs partnerId/);
  });
});

describe("the gateway secret comparison", () => {
  it("accepts only the exact secret", () => {
    expect(sameSecret("s3cret-value", "s3cret-value")).toBe(true);
    expect(sameSecret("s3cret-valuE", "s3cret-value")).toBe(false);
    expect(sameSecret("s3cret", "s3cret-value")).toBe(false);
    expect(sameSecret("", "s3cret-value")).toBe(false);
    expect(sameSecret(undefined, "s3cret-value")).toBe(false);
  });
});

describe("CORS origins", () => {
  const policy = (origins: string[]): CorsPolicy => ({ origins, allowHeaders: [], exposeHeaders: [], methods: [], maxAgeSeconds: 0 });

  it("matches exact origins, any port of a host with :*, and anything with *", () => {
    expect(originAllowed(policy(["https://ctg.example.fr"]), "https://ctg.example.fr")).toBe(true);
    expect(originAllowed(policy(["https://ctg.example.fr"]), "https://ctg.example.fr.evil.com")).toBe(false);
    expect(originAllowed(policy(["http://localhost:*"]), "http://localhost:5173")).toBe(true);
    expect(originAllowed(policy(["http://localhost:*"]), "http://localhost:5173.evil.com")).toBe(false);
    expect(originAllowed(policy(["http://localhost:*"]), "http://localhost.evil.com")).toBe(false);
    expect(originAllowed(policy(["*"]), "https://anything.example")).toBe(true);
    expect(originAllowed(policy([]), "https://ctg.example.fr")).toBe(false);
  });

  it("reads CTG_CORS_ORIGINS, and refuses values that are not origins", () => {
    expect(parseCorsOrigins(undefined, ["http://localhost:*"])).toEqual(["http://localhost:*"]);
    expect(parseCorsOrigins("", ["http://localhost:*"])).toEqual([]);
    expect(parseCorsOrigins(" https://a.example , https://b.example/ ", [])).toEqual(["https://a.example", "https://b.example"]);
    expect(() => parseCorsOrigins("https://a.example/path", [])).toThrow(/is not an origin/);
  });
});
