import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import { applyCors, type CorsPolicy } from "./cors.ts";
import { REQUEST_ID_HEADER } from "./identity.ts";

export interface ReadyCheck {
  ok: boolean;
  detail?: string;
}

/** What the edge knows about a GraphQL request before its body is read. */
export interface EdgeRequest {
  req: IncomingMessage;
  url: URL;
  /** From a valid incoming `x-request-id`, or generated; sent back on the response. */
  requestId: string;
  /** The caller's address (the proxy's last `x-forwarded-for` entry when `trustProxy`). */
  clientAddress: string;
}

/** The operation text of a request, and the persisted-operation hash it names, if any. */
export interface OperationText {
  query: string | undefined;
  persistedHash: string | undefined;
}

export interface HttpEdgeOptions<Ctx extends BaseContext> {
  /** Process name shown by /health and /ready. */
  service: string;
  apollo: ApolloServer<Ctx>;
  /**
   * The request's context, built before its body is read: the place to check who is calling
   * (throw an HttpError to refuse, e.g. 401 or 429).
   */
  context: (request: EdgeRequest) => Promise<Ctx>;
  /**
   * Sees the operation text before Apollo does; may replace it (a persisted operation's hash by
   * its text) or refuse it with an HttpError.
   */
  prepare?: (operation: OperationText, context: Ctx, request: EdgeRequest) => OperationText | void;
  /** Named checks run by GET /ready; the process is ready when all are ok. */
  readiness: () => Promise<Record<string, ReadyCheck>>;
  /** Extra Prometheus-format lines for GET /metrics. */
  metrics?: () => string;
  /** Largest accepted request body, in bytes [1 000 000]. */
  maxBodyBytes?: number;
  /** Browser origins allowed to call /graphql; without a policy, no CORS headers at all. */
  cors?: CorsPolicy;
  /** Read the caller's address from `x-forwarded-for` (behind one reverse proxy). */
  trustProxy?: boolean;
}

export interface RunningEdge {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A refusal at the HTTP edge: answered as `{ errors: [{ message, extensions: { code, … } }] }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The request being served, for error formatting and logs deep in Apollo's pipeline. */
export interface RequestScope {
  service: string;
  requestId: string;
  /** The operation text, once read. */
  query?: string;
}
const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentRequest(): RequestScope | undefined {
  return requestScope.getStore();
}

const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

export function clientAddressOf(req: IncomingMessage, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = req.headers["x-forwarded-for"];
    const last = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded ?? "").split(",").map((s) => s.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? "unknown";
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new HttpError(413, `The request body is over ${limit} bytes, this endpoint's limit.`, "PAYLOAD_TOO_LARGE", { maxBytes: limit });
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function sendHttpError(res: ServerResponse, error: HttpError, requestId: string): void {
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions, requestId } }] }, error.headers);
}

async function runChecks(readiness: () => Promise<Record<string, ReadyCheck>>): Promise<Record<string, ReadyCheck>> {
  try {
    return await readiness();
  } catch (error) {
    return { readiness: { ok: false, detail: (error as Error).message } };
  }
}

/** The operation text and persisted hash of a POST body or of GET parameters. */
function operationOf(body: unknown, search: URLSearchParams | null): OperationText {
  if (search) {
    let extensions: unknown;
    try {
      extensions = JSON.parse(search.get("extensions") ?? "null");
    } catch {
      extensions = null;
    }
    return { query: search.get("query") ?? undefined, persistedHash: persistedHashOf(extensions) };
  }
  const record = (body ?? {}) as { query?: unknown; extensions?: unknown };
  return { query: typeof record.query === "string" ? record.query : undefined, persistedHash: persistedHashOf(record.extensions) };
}

function persistedHashOf(extensions: unknown): string | undefined {
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
  return typeof hash === "string" ? hash : undefined;
}

/** Writes a prepared operation back: its text, and the persisted-query extension dropped once resolved. */
function applyOperation(body: unknown, search: URLSearchParams | null, operation: OperationText): unknown {
  if (search) {
    if (operation.query !== undefined) search.set("query", operation.query);
    if (operation.persistedHash === undefined && search.has("extensions")) {
      try {
        const extensions = JSON.parse(search.get("extensions") ?? "{}") as Record<string, unknown>;
        delete extensions.persistedQuery;
        search.set("extensions", JSON.stringify(extensions));
      } catch {
        // not JSON: Apollo answers it with a 400 of its own
      }
    }
    return body;
  }
  const record = { ...(body as Record<string, unknown>) };
  if (operation.query !== undefined) record.query = operation.query;
  if (operation.persistedHash === undefined && record.extensions && typeof record.extensions === "object") {
    const { persistedQuery: _, ...rest } = record.extensions as Record<string, unknown>;
    record.extensions = rest;
  }
  return record;
}

/**
 * The HTTP edge of a hub process: GraphQL on /graphql through Apollo Server's own integration API
 * (`executeHTTPGraphQLRequest`), plus GET /health, /ready and /metrics. Every response carries an
 * `x-request-id`.
 */
export function createHttpEdge<Ctx extends BaseContext>(options: HttpEdgeOptions<Ctx>): Server {
  const limit = options.maxBodyBytes ?? 1_000_000;
  const started = Date.now();
  let requests = 0;
  const refused = new Map<number, number>();

  async function serveGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, scope: RequestScope): Promise<void> {
    if (options.cors && applyCors(options.cors, req, res)) return;
    requests += 1;
    const edge: EdgeRequest = { req, url, requestId: scope.requestId, clientAddress: clientAddressOf(req, options.trustProxy) };
    const context = await options.context(edge);
    const raw = req.method === "POST" ? await readBody(req, limit) : "";
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new HttpError(400, "The request body is not valid JSON.", "BAD_REQUEST");
      }
    }
    const search = req.method === "GET" ? new URLSearchParams(url.search) : null;
    const operation = operationOf(body, search);
    let query = operation.query;
    if (options.prepare && (search || (body && typeof body === "object"))) {
      if (Array.isArray(body)) throw new HttpError(400, "Batched operations are not accepted: send one operation per request.", "BAD_REQUEST");
      const prepared = options.prepare(operation, context, edge);
      if (prepared) {
        body = applyOperation(body, search, prepared);
        // applyOperation writes the prepared text where there is one, and keeps the request's otherwise.
        query = prepared.query ?? operation.query;
      }
    }
    scope.query = query;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: search ? `?${search}` : url.search, body },
      context: async () => context,
    });
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  return createServer((req, res) => {
    const scope: RequestScope = { service: options.service, requestId: requestIdOf(req) };
    res.setHeader(REQUEST_ID_HEADER, scope.requestId);
    void requestScope.run(scope, async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      try {
        if (req.method === "GET" && url.pathname === "/health") {
          return sendJson(res, 200, { status: "ok", service: options.service, uptimeSeconds: Math.round((Date.now() - started) / 1000) });
        }
        if (req.method === "GET" && url.pathname === "/ready") {
          const checks = await runChecks(options.readiness);
          const ready = Object.values(checks).every((c) => c.ok);
          return sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not_ready", service: options.service, checks });
        }
        if (req.method === "GET" && url.pathname === "/metrics") {
          const lines = [`# TYPE ctg_graphql_requests_total counter`, `ctg_graphql_requests_total{service="${options.service}"} ${requests}`];
          lines.push(`# TYPE ctg_http_refused_total counter`);
          for (const [status, count] of refused) lines.push(`ctg_http_refused_total{service="${options.service}",status="${status}"} ${count}`);
          const extra = options.metrics?.();
          res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
          return res.end(lines.join("\n") + "\n" + (extra ? extra + "\n" : ""));
        }
        if (url.pathname !== "/graphql") {
          return sendJson(res, 404, { error: `No route ${req.method} ${url.pathname}. GraphQL is served at /graphql.` });
        }
        await serveGraphQL(req, res, url, scope);
      } catch (error) {
        if (res.headersSent) return res.end();
        if (error instanceof HttpError) {
          refused.set(error.status, (refused.get(error.status) ?? 0) + 1);
          // An unread body would be sent on to a closed socket: tell the client we stop here.
          if (!req.readableEnded) res.setHeader("connection", "close");
          return sendHttpError(res, error, scope.requestId);
        }
        console.error(`${options.service} request ${scope.requestId} failed:`, error);
        sendJson(res, 500, { errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId: scope.requestId } }] });
      }
    });
  });
}

export async function listen(server: Server, port: number, host = "127.0.0.1"): Promise<RunningEdge> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return {
    server,
    port: address.port,
    url: `http://${shownHost}:${address.port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
