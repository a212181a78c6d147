import { describe, expect, it } from "vitest";
import { createAuthenticator, DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEVELOPMENT_JWT_SECRET } from "../src/auth.ts";
import { issueToken, parseTokenArgs, parseTtl, signingSettingsFromEnv, UsageError } from "../src/dev-token.ts";

describe("the token command's arguments", () => {
  it("reads a partner editor with its partner and lifetime", () => {
    expect(parseTokenArgs(["--role", "partner_editor", "--partner", "sivom-bruaysis", "--ttl", "2h"])).toEqual({
      role: "PARTNER_EDITOR",
      partnerId: "sivom-bruaysis",
      subject: "dev-partner-editor-sivom-bruaysis",
      ttlSeconds: 7200,
    });
  });

  it("accepts roles in any case, --name=value, and a chosen subject", () => {
    expect(parseTokenArgs(["--role=ADMIN", "--subject", "alice"])).toEqual({ role: "ADMIN", partnerId: null, subject: "alice", ttlSeconds: 3600 });
    expect(parseTokenArgs(["--", "--role", "Staff"]).role).toBe("STAFF");
  });

  it.each([
    [[], /--role is required/],
    [["--role", "mayor"], /--role must be one of staff, partner_editor, admin \(got "mayor"\)/],
    [["--role", "resident"], /A resident has no token/],
    [["--role", "partner_editor"], /--partner is required for partner_editor/],
    [["--role", "staff", "--partner", "caf"], /--partner belongs to partner_editor only/],
    [["--role", "partner_editor", "--partner", "no spaces"], /needs partnerId/],
    [["--role", "staff", "--ttl", "forever"], /--ttl must be a number and a unit/],
    [["--role", "staff", "--ttl", "90d"], /--ttl must be between 1s and 30d/],
    [["--role"], /--role needs a value/],
    [["--role", "staff", "--admin"], /Unknown argument "--admin"/],
  ])("refuses %j with a precise message", (argv, message) => {
    expect(() => parseTokenArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseTokenArgs(argv as string[])).toThrow(message);
  });

  it("reads lifetimes in seconds, minutes, hours and days", () => {
    expect([parseTtl("90s"), parseTtl("30m"), parseTtl("1h"), parseTtl("7d")]).toEqual([90, 1800, 3600, 604800]);
  });

  it("signs with the development secret in development, and needs CTG_JWT_SECRET in production", () => {
    expect(signingSettingsFromEnv({})).toEqual({ secret: DEVELOPMENT_JWT_SECRET, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE });
    expect(() => signingSettingsFromEnv({ CTG_MODE: "production" })).toThrow(/set CTG_JWT_SECRET/);
  });

  it("issues a token the gateway's verifier accepts, with the identity asked for", async () => {
    const token = await issueToken(parseTokenArgs(["--role", "partner_editor", "--partner", "sivom-bruaysis"]), signingSettingsFromEnv({}));
    const authenticator = createAuthenticator({ hs256Secret: DEVELOPMENT_JWT_SECRET, jwksUrl: undefined, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, clockToleranceSeconds: 0 });
    expect(await authenticator.identify(`Bearer ${token}`)).toEqual({ role: "PARTNER_EDITOR", partnerId: "sivom-bruaysis", subject: "dev-partner-editor-sivom-bruaysis" });
  });
});
