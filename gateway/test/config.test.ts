import { describe, expect, it } from "vitest";
import { DEVELOPMENT_JWT_SECRET } from "../src/auth.ts";
import { DEFAULT_LIMITS, gatewayConfigFromEnv } from "../src/config.ts";

const strong = "x".repeat(40);

describe("the gateway's settings", () => {
  it("starts with zero configuration in development mode, on the development secret and generous defaults", () => {
    const config = gatewayConfigFromEnv({});
    expect(config.mode).toBe("development");
    expect(config.auth.hs256Secret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.rateLimit).toEqual({ perMinute: 6000, burst: 600 });
    expect(config.cors.origins).toContain("http://localhost:*");
  });

  it("refuses to start in production without a way to verify tokens or a gateway secret, listing every problem", () => {
    expect(() => gatewayConfigFromEnv({ CTG_MODE: "production" })).toThrow(
      /needs CTG_JWT_SECRET \(HS256\) or CTG_JWKS_URL \(RS256\)[\s\S]*needs CTG_GATEWAY_SECRET/,
    );
  });

  it("refuses short or published secrets in production", () => {
    expect(() => gatewayConfigFromEnv({ CTG_MODE: "production", CTG_JWT_SECRET: "short", CTG_GATEWAY_SECRET: strong })).toThrow(/CTG_JWT_SECRET must be at least 32/);
    expect(() => gatewayConfigFromEnv({ CTG_MODE: "production", CTG_JWT_SECRET: DEVELOPMENT_JWT_SECRET, CTG_GATEWAY_SECRET: strong })).toThrow(/published development secret/);
    expect(() => gatewayConfigFromEnv({ CTG_MODE: "production", CTG_JWT_SECRET: strong, CTG_GATEWAY_SECRET: "short" })).toThrow(/CTG_GATEWAY_SECRET must be at least 32/);
  });

  it("starts in production with a JWKS URL alone, never falling back to the development secret", () => {
    const config = gatewayConfigFromEnv({ CTG_MODE: "production", CTG_JWKS_URL: "https://id.example.fr/jwks.json", CTG_GATEWAY_SECRET: strong });
    expect(config.auth).toMatchObject({ hs256Secret: undefined, jwksUrl: "https://id.example.fr/jwks.json" });
    expect(config.cors.origins).toEqual([]);
  });

  it("reads limits, rate limits and origins, and names the variable that is wrong", () => {
    const config = gatewayConfigFromEnv({
      CTG_MAX_DEPTH: "5",
      CTG_MAX_COST: "900",
      CTG_GATEWAY_RATE_PER_MINUTE: "0",
      CTG_CORS_ORIGINS: "https://ctg.example.fr",
    });
    expect(config.limits).toMatchObject({ maxDepth: 5, maxCost: 900 });
    expect(config.rateLimit).toBeNull();
    expect(config.cors.origins).toEqual(["https://ctg.example.fr"]);
    expect(() => gatewayConfigFromEnv({ CTG_MAX_ALIASES: "lots" })).toThrow(/CTG_MAX_ALIASES must be a whole number/);
    expect(() => gatewayConfigFromEnv({ CTG_MODE: "staging" })).toThrow(/CTG_MODE must be "production" or "development"/);
  });
});
