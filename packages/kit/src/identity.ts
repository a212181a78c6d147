import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Who is asking. The gateway verifies the caller's token and forwards the result to the subgraphs;
 * a subgraph reads it from its context (`context.identity`) to decide what the caller may see or
 * change — e.g. a PARTNER_EDITOR edits only the partner `partnerId`.
 */
export const ROLES = ["RESIDENT", "STAFF", "PARTNER_EDITOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  role: Role;
  /** The partner a PARTNER_EDITOR edits for; null for every other role. */
  partnerId: string | null;
  /** The token's `sub`; null for a resident (no token). */
  subject: string | null;
}

export const RESIDENT: Identity = Object.freeze({ role: "RESIDENT", partnerId: null, subject: null });

/** The identity the gateway forwards, as JSON. Trusted only with the right gateway secret beside it. */
export const IDENTITY_HEADER = "x-ctg-identity";
/** The secret shared by the gateway and the subgraphs (CTG_GATEWAY_SECRET). */
export const GATEWAY_SECRET_HEADER = "x-ctg-gateway-secret";
export const REQUEST_ID_HEADER = "x-request-id";

/** A partner id, in tokens and in inputs: « sivom-bruaysis », « commune-62119 ». */
export const PARTNER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MAX_SUBJECT = 256;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function hasRole(identity: Identity, ...roles: Role[]): boolean {
  return roles.includes(identity.role);
}

/** What is wrong with an identity's fields, or null when it is well formed. */
export function identityProblem(role: unknown, partnerId: unknown, subject: unknown): string | null {
  if (!isRole(role)) return `role must be one of ${ROLES.join(", ")} (got ${JSON.stringify(role)})`;
  if (role === "PARTNER_EDITOR") {
    if (typeof partnerId !== "string" || !PARTNER_ID.test(partnerId)) {
      return `a PARTNER_EDITOR needs partnerId, the id of the partner it edits for, such as "sivom-bruaysis" (got ${JSON.stringify(partnerId ?? null)})`;
    }
  } else if (partnerId !== null && partnerId !== undefined) {
    return `partnerId belongs to PARTNER_EDITOR only (the role is ${role})`;
  }
  if (subject !== null && subject !== undefined && (typeof subject !== "string" || subject.length === 0 || subject.length > MAX_SUBJECT)) {
    return `subject must be a string of 1 to ${MAX_SUBJECT} characters`;
  }
  if (role === "RESIDENT" && subject) return "a RESIDENT has no subject";
  return null;
}

/** JSON with every non-ASCII character escaped, so that it travels in an HTTP header unchanged. */
export function encodeIdentity(identity: Identity): string {
  const json = JSON.stringify({ role: identity.role, partnerId: identity.partnerId, subject: identity.subject });
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Parses the forwarded identity; throws an Error saying what is wrong. */
export function decodeIdentity(header: string): Identity {
  if (header.length > 1024) throw new Error(`${IDENTITY_HEADER} is over 1024 characters`);
  let value: unknown;
  try {
    value = JSON.parse(header);
  } catch {
    throw new Error(`${IDENTITY_HEADER} is not JSON`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error(`${IDENTITY_HEADER} must be a JSON object`);
  const { role, partnerId, subject } = value as Record<string, unknown>;
  const problem = identityProblem(role, partnerId, subject);
  if (problem) throw new Error(`${IDENTITY_HEADER}: ${problem}`);
  return Object.freeze({ role: role as Role, partnerId: (partnerId as string | undefined) ?? null, subject: (subject as string | undefined) ?? null });
}

/** Constant-time comparison: digests first, so that neither the content nor the length leaks through timing. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** An identity as the gateway would forward it, for tests and scripts. */
export function identityOf(role: Role, partnerId: string | null = null, subject: string | null = role === "RESIDENT" ? null : `test:${role.toLowerCase()}${partnerId ? `:${partnerId}` : ""}`): Identity {
  const problem = identityProblem(role, partnerId, subject);
  if (problem) throw new Error(problem);
  return Object.freeze({ role, partnerId, subject });
}
