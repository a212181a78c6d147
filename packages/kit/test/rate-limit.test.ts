import { describe, expect, it } from "vitest";
import { RateLimiter, rateLimitFromEnv } from "../src/rate-limit.ts";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("the token bucket", () => {
  it("lets a burst through at once, then refuses with the seconds until the next token", () => {
    const time = clock();
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 }, { now: time.now });
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("refills at the sustained rate, never above the burst", () => {
    const time = clock();
    const limiter = new RateLimiter({ perMinute: 6, burst: 2 }, { now: time.now });
    limiter.take("a");
    limiter.take("a");
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 10 });
    time.advance(10_000);
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    time.advance(3_600_000);
    expect(limiter.take("a")).toEqual({ allowed: true, remaining: 1 });
    expect(limiter.take("a")).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("keeps one bucket per key", () => {
    const limiter = new RateLimiter({ perMinute: 1, burst: 1 }, { now: clock().now });
    expect(limiter.take("alice").allowed).toBe(true);
    expect(limiter.take("alice").allowed).toBe(false);
    expect(limiter.take("bob").allowed).toBe(true);
  });

  it("forgets the least recently seen keys past maxKeys, so that memory stays bounded", () => {
    const limiter = new RateLimiter({ perMinute: 1, burst: 1 }, { now: clock().now, maxKeys: 2 });
    limiter.take("a");
    limiter.take("b");
    limiter.take("a");
    limiter.take("c");
    expect(limiter.size).toBe(2);
    expect(limiter.take("a").allowed).toBe(false); // still remembered: seen recently
    expect(limiter.take("b").allowed).toBe(true); // forgotten: starts full
  });

  it("refuses a limit that could never let a request through", () => {
    expect(() => new RateLimiter({ perMinute: 0, burst: 1 })).toThrow(/perMinute > 0/);
    expect(() => new RateLimiter({ perMinute: 10, burst: 0 })).toThrow(/burst ≥ 1/);
  });
});

describe("rate limits from the environment", () => {
  const defaults = { perMinute: 600, burst: 60 };

  it("uses the defaults when nothing is set, and reads PER_MINUTE and BURST", () => {
    expect(rateLimitFromEnv({}, "CTG_X", defaults)).toEqual(defaults);
    expect(rateLimitFromEnv({ CTG_X_PER_MINUTE: "30", CTG_X_BURST: "5" }, "CTG_X", defaults)).toEqual({ perMinute: 30, burst: 5 });
  });

  it("turns the limit off with a rate of 0", () => {
    expect(rateLimitFromEnv({ CTG_X_PER_MINUTE: "0" }, "CTG_X", defaults)).toBeNull();
  });

  it("refuses values that are not numbers", () => {
    expect(() => rateLimitFromEnv({ CTG_X_BURST: "many" }, "CTG_X", defaults)).toThrow(/CTG_X_BURST must be a number/);
  });
});
