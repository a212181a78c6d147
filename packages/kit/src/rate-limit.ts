/**
 * A token bucket per key (a token's subject, an address, a conversation): `burst` requests at
 * once, then `perMinute` requests a minute. In memory, per process.
 */
export interface RateLimit {
  /** Sustained rate, in requests a minute. */
  perMinute: number;
  /** How many requests may come at once (the bucket's size). */
  burst: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiterOptions {
  /** Keys kept at most; the least recently seen are forgotten first (a forgotten key starts full). */
  maxKeys?: number;
  now?: () => number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(
    readonly limit: RateLimit,
    options: RateLimiterOptions = {},
  ) {
    if (!(limit.perMinute > 0) || !(limit.burst >= 1)) throw new Error(`A rate limit needs perMinute > 0 and burst ≥ 1 (got ${JSON.stringify(limit)}).`);
    this.perMs = limit.perMinute / 60_000;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** Takes `cost` tokens from `key`'s bucket when it has them. */
  take(key: string, cost = 1): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    // Re-inserted so that the Map's order is least recently seen first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / this.perMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }
}

/**
 * `<PREFIX>_PER_MINUTE` and `<PREFIX>_BURST` from the environment; a rate of 0 turns the limit
 * off (null).
 */
export function rateLimitFromEnv(env: Record<string, string | undefined>, prefix: string, defaults: RateLimit): RateLimit | null {
  const read = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0 (got ${JSON.stringify(raw)}).`);
    return value;
  };
  const perMinute = read(`${prefix}_PER_MINUTE`, defaults.perMinute);
  const burst = read(`${prefix}_BURST`, defaults.burst);
  if (perMinute === 0) return null;
  if (burst < 1) throw new Error(`${prefix}_BURST must be at least 1 (got ${burst}).`);
  return { perMinute, burst };
}

export function describeRateLimit(limit: RateLimit): string {
  return `${limit.perMinute} a minute, ${limit.burst} at once`;
}
