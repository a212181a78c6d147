import { envText, hubMode, identityProblem, type Role } from "@ctg/kit";
import { SignJWT } from "jose";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEVELOPMENT_JWT_SECRET, TOKEN_ROLES } from "./auth.ts";

/** `pnpm run token --role partner_editor --partner sivom-bruaysis [--ttl 1h] [--subject alice]`. */
export interface TokenRequest {
  role: Role;
  partnerId: string | null;
  subject: string;
  ttlSeconds: number;
}

export class UsageError extends Error {}

export const TOKEN_USAGE = `Usage: pnpm run token --role <staff|partner_editor|admin> [--partner <partner id>] [--ttl 1h] [--subject <name>]
  --role     STAFF, PARTNER_EDITOR or ADMIN (any case); a resident needs no token
  --partner  the partner a PARTNER_EDITOR edits for, e.g. sivom-bruaysis (required for partner_editor only)
  --ttl      lifetime: 90s, 30m, 1h, 7d [1h], at most 30d
  --subject  the token's sub [dev-<role>[-<partner>]]
Signs with CTG_JWT_SECRET (HS256), or the development secret in development mode; iss CTG_JWT_ISSUER [${DEFAULT_ISSUER}], aud CTG_JWT_AUDIENCE [${DEFAULT_AUDIENCE}].`;

const MAX_TTL_SECONDS = 30 * 24 * 3600;
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

export function parseTtl(text: string): number {
  const match = /^(\d+)\s*([smhd])$/.exec(text.trim());
  if (!match) throw new UsageError(`--ttl must be a number and a unit, such as 90s, 30m, 1h or 7d (got ${JSON.stringify(text)}).`);
  const seconds = Number(match[1]) * UNITS[match[2]];
  if (seconds < 1 || seconds > MAX_TTL_SECONDS) throw new UsageError(`--ttl must be between 1s and 30d (got ${text}).`);
  return seconds;
}

export function parseTokenArgs(argv: readonly string[]): TokenRequest {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    const match = /^--(role|partner|ttl|subject)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`Unknown argument ${JSON.stringify(arg)}.`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`--${match[1]} needs a value.`);
    values[match[1]] = value;
  }
  if (!values.role) throw new UsageError("--role is required.");
  const role = values.role.toUpperCase().replace(/-/g, "_");
  if (role === "RESIDENT") throw new UsageError("A resident has no token: send no Authorization header.");
  if (!TOKEN_ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${TOKEN_ROLES.map((r) => r.toLowerCase()).join(", ")} (got ${JSON.stringify(values.role)}).`);
  if (role === "PARTNER_EDITOR" && !values.partner) throw new UsageError("--partner is required for partner_editor: the id of the partner it edits for, e.g. --partner sivom-bruaysis.");
  if (role !== "PARTNER_EDITOR" && values.partner) throw new UsageError(`--partner belongs to partner_editor only (the role is ${role.toLowerCase()}).`);
  const partnerId = values.partner ?? null;
  const subject = values.subject ?? ["dev", role.toLowerCase().replace(/_/g, "-"), partnerId].filter(Boolean).join("-");
  const problem = identityProblem(role, partnerId, subject);
  if (problem) throw new UsageError(`${problem}.`);
  return { role: role as Role, partnerId, subject, ttlSeconds: values.ttl ? parseTtl(values.ttl) : 3600 };
}

export interface SigningSettings {
  secret: string;
  issuer: string;
  audience: string;
}

/** The signing settings the gateway verifies with; production mode needs a real CTG_JWT_SECRET. */
export function signingSettingsFromEnv(env: Record<string, string | undefined> = process.env): SigningSettings {
  const secret = envText(env, "CTG_JWT_SECRET") ?? (hubMode(env) === "production" ? undefined : DEVELOPMENT_JWT_SECRET);
  if (!secret) throw new UsageError("CTG_MODE=production: set CTG_JWT_SECRET to sign tokens (the development secret is never accepted in production).");
  return { secret, issuer: envText(env, "CTG_JWT_ISSUER") ?? DEFAULT_ISSUER, audience: envText(env, "CTG_JWT_AUDIENCE") ?? DEFAULT_AUDIENCE };
}

export async function issueToken(request: TokenRequest, settings: SigningSettings, now = Math.floor(Date.now() / 1000)): Promise<string> {
  const claims: Record<string, unknown> = { role: request.role };
  if (request.partnerId) claims.partnerId = request.partnerId;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(request.subject)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + request.ttlSeconds)
    .sign(new TextEncoder().encode(settings.secret));
}
