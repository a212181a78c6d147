import { HttpError, identityProblem, RESIDENT, type Identity, type Role } from "@ctg/kit";
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";

/**
 * Tokens the gateway accepts: HS256 signed with CTG_JWT_SECRET (development, or a small
 * deployment) and/or RS256 signed by the keys published at CTG_JWKS_URL (an identity provider).
 */
export interface AuthConfig {
  hs256Secret: string | undefined;
  jwksUrl: string | undefined;
  issuer: string;
  audience: string;
  /** Leeway for `exp` and `nbf`, for clocks that drift. */
  clockToleranceSeconds: number;
}

/** Known to everyone, hence accepted in development mode only. */
export const DEVELOPMENT_JWT_SECRET = "ctg-hub-development-secret-never-use-in-production";
export const DEFAULT_ISSUER = "ctg-hub";
export const DEFAULT_AUDIENCE = "ctg-gateway";

/** The roles a token may carry: RESIDENT is having no token at all. */
export const TOKEN_ROLES: readonly Role[] = ["STAFF", "PARTNER_EDITOR", "ADMIN"];

const MAX_TOKEN_LENGTH = 8_192;

function unauthenticated(message: string, reason: string): HttpError {
  return new HttpError(401, message, "UNAUTHENTICATED", { reason }, {
    "www-authenticate": `Bearer error="invalid_token", error_description="${message.replace(/["\\]/g, "'")}"`,
  });
}

/** The identity in a verified token's claims, or a 401 saying which claim is wrong. */
function identityOfClaims(payload: JWTPayload): Identity {
  const role = typeof payload.role === "string" ? payload.role.toUpperCase() : payload.role;
  if (!TOKEN_ROLES.includes(role as Role)) {
    throw unauthenticated(`The bearer token's role claim must be one of ${TOKEN_ROLES.join(", ")} (got ${JSON.stringify(payload.role ?? null)}).`, "BAD_CLAIMS");
  }
  const partnerId = role === "PARTNER_EDITOR" ? payload.partnerId : null;
  const problem = identityProblem(role, partnerId, payload.sub);
  if (problem) throw unauthenticated(`The bearer token's claims are not valid: ${problem}.`, "BAD_CLAIMS");
  return Object.freeze({ role: role as Role, partnerId: (partnerId as string | null) ?? null, subject: payload.sub ?? null });
}

export interface Authenticator {
  /** RESIDENT without an Authorization header; the token's identity when it verifies; 401 otherwise. */
  identify(authorization: string | undefined): Promise<Identity>;
  /** The algorithms accepted, for messages. */
  algorithms: string[];
}

export function createAuthenticator(config: AuthConfig): Authenticator {
  const secret = config.hs256Secret ? new TextEncoder().encode(config.hs256Secret) : undefined;
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 3_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 }) : undefined;
  const algorithms = [...(secret ? ["HS256"] : []), ...(jwks ? ["RS256"] : [])];
  const verifyOptions = {
    issuer: config.issuer,
    audience: config.audience,
    clockTolerance: config.clockToleranceSeconds,
    requiredClaims: ["exp", "sub"],
  };

  async function verify(token: string): Promise<JWTPayload> {
    let alg: string | undefined;
    try {
      if (token.split(".").length !== 3) throw new Error("not three parts");
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw unauthenticated("The bearer token is not a well-formed JWT (three base64url parts: header, claims, signature).", "MALFORMED");
    }
    // The key is chosen by the algorithm the gateway expects for it, never by the token alone: an
    // RS256 public key is never taken as an HS256 secret, and "none" is never accepted.
    if (alg === "HS256" && secret) return (await jwtVerify(token, secret, { ...verifyOptions, algorithms: ["HS256"] })).payload;
    if (alg === "RS256" && jwks) return (await jwtVerify(token, jwks, { ...verifyOptions, algorithms: ["RS256"] })).payload;
    throw unauthenticated(`The bearer token is signed with alg ${JSON.stringify(alg ?? null)}; this gateway accepts ${algorithms.join(" or ")} only.`, "ALGORITHM_NOT_ACCEPTED");
  }

  function explain(error: unknown): HttpError {
    if (error instanceof HttpError) return error;
    if (error instanceof errors.JWTExpired) {
      const exp = typeof error.payload.exp === "number" ? new Date(error.payload.exp * 1000).toISOString() : "an unknown time";
      return unauthenticated(`The bearer token expired at ${exp}; get a new one.`, "EXPIRED");
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) return unauthenticated("The bearer token's signature does not verify: it was not signed by a key this gateway trusts.", "BAD_SIGNATURE");
    if (error instanceof errors.JWKSNoMatchingKey) return unauthenticated("No key published at the gateway's JWKS matches the bearer token's kid.", "UNKNOWN_KEY");
    if (error instanceof errors.JWTClaimValidationFailed) {
      const expected: Record<string, string> = { iss: config.issuer, aud: config.audience };
      const hint = expected[error.claim] ? `; this gateway expects ${JSON.stringify(expected[error.claim])}` : "";
      return unauthenticated(`The bearer token's ${error.claim} claim is not valid (${error.reason})${hint}.`, "BAD_CLAIMS");
    }
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || (error instanceof TypeError && /fetch/i.test(error.message))) {
      return new HttpError(503, "The gateway cannot reach the key set (JWKS) that verifies tokens; try again shortly.", "JWKS_UNAVAILABLE", {}, { "retry-after": "5" });
    }
    if (error instanceof errors.JOSEError) return unauthenticated(`The bearer token is not valid: ${error.message}.`, "INVALID");
    return unauthenticated("The bearer token is not valid.", "INVALID");
  }

  return {
    algorithms,
    async identify(authorization) {
      if (authorization === undefined) return RESIDENT;
      const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
      if (!match) throw unauthenticated("The Authorization header must be `Bearer <token>`; send no Authorization header to ask as a resident.", "MALFORMED");
      const token = match[1];
      if (token.length > MAX_TOKEN_LENGTH) throw unauthenticated(`The bearer token is over ${MAX_TOKEN_LENGTH} characters.`, "MALFORMED");
      if (algorithms.length === 0) throw unauthenticated("This gateway verifies no tokens (neither CTG_JWT_SECRET nor CTG_JWKS_URL is set).", "NOT_CONFIGURED");
      try {
        return identityOfClaims(await verify(token));
      } catch (error) {
        throw explain(error);
      }
    },
  };
}
