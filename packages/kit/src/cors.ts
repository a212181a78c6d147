import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Which web origins may call an endpoint from a browser. An allowed origin gets the CORS headers
 * (and its preflight answered); any other origin gets none, so the browser keeps the answer from it.
 */
export interface CorsPolicy {
  /** Exact origins (`https://ctg.example.fr`), `http://localhost:*` for any port, or `*` for any origin. */
  origins: readonly string[];
  allowHeaders: readonly string[];
  exposeHeaders: readonly string[];
  methods: readonly string[];
  maxAgeSeconds: number;
}

const ORIGIN = /^https?:\/\/[A-Za-z0-9.-]+(:(\d{1,5}|\*))?$/;

/** `CTG_CORS_ORIGINS`: comma-separated origins; unset gives `fallback`, an empty value none. */
export function parseCorsOrigins(value: string | undefined, fallback: readonly string[], variable = "CTG_CORS_ORIGINS"): string[] {
  if (value === undefined) return [...fallback];
  const origins = value
    .split(",")
    .map((o) => o.trim().replace(/\/$/, ""))
    .filter(Boolean);
  for (const origin of origins) {
    if (origin !== "*" && !ORIGIN.test(origin)) {
      throw new Error(`${variable}: ${JSON.stringify(origin)} is not an origin such as https://ctg.example.fr or http://localhost:* (scheme and host, no path).`);
    }
  }
  return origins;
}

export function originAllowed(policy: CorsPolicy, origin: string): boolean {
  for (const allowed of policy.origins) {
    if (allowed === "*" || allowed === origin) return true;
    if (allowed.endsWith(":*") && origin.startsWith(allowed.slice(0, -1)) && /^\d{1,5}$/.test(origin.slice(allowed.length - 1))) return true;
  }
  return false;
}

/**
 * Adds the CORS headers for an allowed origin. Returns true when the request was a preflight
 * (`OPTIONS`), which is then answered here with 204.
 */
export function applyCors(policy: CorsPolicy, req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  res.setHeader("vary", "Origin");
  const allowed = typeof origin === "string" && originAllowed(policy, origin);
  if (allowed) {
    res.setHeader("access-control-allow-origin", origin);
    if (policy.exposeHeaders.length) res.setHeader("access-control-expose-headers", policy.exposeHeaders.join(", "));
  }
  if (req.method !== "OPTIONS") return false;
  if (allowed) {
    res.setHeader("access-control-allow-methods", policy.methods.join(", "));
    res.setHeader("access-control-allow-headers", policy.allowHeaders.join(", "));
    res.setHeader("access-control-max-age", String(policy.maxAgeSeconds));
  }
  res.statusCode = 204;
  res.end();
  return true;
}
