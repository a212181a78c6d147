import type { IncomingMessage } from "node:http";
import { HttpError } from "./http.ts";
import { decodeIdentity, GATEWAY_SECRET_HEADER, IDENTITY_HEADER, RESIDENT, sameSecret, type Identity } from "./identity.ts";
import { envFlag, envInteger, envText, hubMode, type HubMode } from "./settings.ts";

/** Who may call a subgraph's /graphql. */
export interface SubgraphAccess {
  /** CTG_GATEWAY_SECRET: requests must carry it in `x-ctg-gateway-secret`. */
  secret: string | undefined;
  /**
   * CTG_SUBGRAPH_OPEN=1, local development only: requests without the secret are served too, as
   * a RESIDENT (an identity header without the right secret is never trusted).
   */
  open: boolean;
}

export interface SubgraphEdgeSettings {
  mode: HubMode;
  access: SubgraphAccess;
  /** CTG_SUBGRAPH_MAX_BODY_BYTES [1 000 000]: the gateway's entity batches can be large. */
  maxBodyBytes: number;
  /**
   * Where the other subgraphs are (`PARTNERS_URL`, `SERVICES_URL`, …, as the gateway reads them), for
   * the rare call a subgraph makes to another: the services subgraph asks the partners subgraph
   * for its half of a data·inclusion import. Read from the environment at start-up; the server keeps
   * this object, so a test may fill it after the subgraphs listen.
   */
  peerUrls: Record<string, string>;
}

export const SUBGRAPH_PEERS = ["partners", "territories", "services", "funding"] as const;

/** `PARTNERS_URL`, `TERRITORIES_URL`, …: where each subgraph is reached, for those given. */
export function peerUrlsFromEnv(env: Env = process.env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of SUBGRAPH_PEERS) {
    const url = envText(env, `${name.toUpperCase()}_URL`);
    if (url) urls[name] = url;
  }
  return urls;
}

type Env = Record<string, string | undefined>;

export function subgraphEdgeSettings(env: Env = process.env): SubgraphEdgeSettings {
  return {
    mode: hubMode(env),
    access: { secret: envText(env, "CTG_GATEWAY_SECRET"), open: envFlag(env, "CTG_SUBGRAPH_OPEN") },
    maxBodyBytes: envInteger(env, "CTG_SUBGRAPH_MAX_BODY_BYTES", 1_000_000, 1),
    peerUrls: peerUrlsFromEnv(env),
  };
}

/** Refuses to start a subgraph process that nobody could call, or that is open in production. */
export function assertSubgraphAccess(name: string, settings: SubgraphEdgeSettings): void {
  const { access, mode } = settings;
  if (mode === "production" && access.open) {
    throw new Error(`${name}: CTG_SUBGRAPH_OPEN=1 is for local development; in production (CTG_MODE=production) a subgraph answers the gateway only.`);
  }
  if (mode === "production" && access.secret && access.secret.length < 32) {
    throw new Error(`${name}: CTG_GATEWAY_SECRET must be at least 32 characters in production (e.g. openssl rand -base64 32).`);
  }
  if (!access.secret && !access.open) {
    throw new Error(
      `${name}: set CTG_GATEWAY_SECRET to the secret the gateway sends (npm start does it for you), ` +
        `or CTG_SUBGRAPH_OPEN=1 to run this subgraph alone in local development (README, « Running one subgraph alone »).`,
    );
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The identity of a request to a subgraph: the gateway's `x-ctg-identity`, trusted only beside
 * the right `x-ctg-gateway-secret` (compared in constant time). Anything else gets 401, except in
 * open local development, where it is served as a RESIDENT.
 */
export function identityOfGatewayRequest(req: IncomingMessage, access: SubgraphAccess): Identity {
  const given = header(req, GATEWAY_SECRET_HEADER);
  if (access.secret && given !== undefined) {
    if (!sameSecret(given, access.secret)) {
      throw new HttpError(401, `The ${GATEWAY_SECRET_HEADER} header is wrong: this subgraph answers the CTG gateway only.`, "UNAUTHENTICATED");
    }
    const forwarded = header(req, IDENTITY_HEADER);
    if (forwarded === undefined) return RESIDENT;
    try {
      return decodeIdentity(forwarded);
    } catch (error) {
      throw new HttpError(400, (error as Error).message, "BAD_REQUEST");
    }
  }
  if (access.open) return RESIDENT;
  if (!access.secret) {
    throw new HttpError(401, "This subgraph has no gateway secret configured (CTG_GATEWAY_SECRET), so it answers nobody; set it, or CTG_SUBGRAPH_OPEN=1 in local development.", "UNAUTHENTICATED");
  }
  throw new HttpError(401, `The ${GATEWAY_SECRET_HEADER} header is missing: this subgraph answers the CTG gateway only; query the gateway instead.`, "UNAUTHENTICATED");
}
