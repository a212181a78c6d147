import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";

export interface ReadyCheck {
  ok: boolean;
  detail?: string;
}

export interface HttpEdgeOptions<Ctx extends BaseContext> {
  /** Process name shown by /health and /ready. */
  service: string;
  apollo: ApolloServer<Ctx>;
  context: (req: IncomingMessage) => Promise<Ctx>;
  /** Named checks run by GET /ready; the process is ready when all are ok. */
  readiness: () => Promise<Record<string, ReadyCheck>>;
  /** Extra Prometheus-format lines for GET /metrics. */
  metrics?: () => string;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
}

export interface RunningEdge {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new HttpError(413, `Request body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `Request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function runChecks(readiness: () => Promise<Record<string, ReadyCheck>>): Promise<Record<string, ReadyCheck>> {
  try {
    return await readiness();
  } catch (error) {
    return { readiness: { ok: false, detail: (error as Error).message } };
  }
}

/**
 * The HTTP edge of a hub process: GraphQL on /graphql through Apollo Server's own integration API
 * (`executeHTTPGraphQLRequest`), plus GET /health, /ready and /metrics.
 */
export function createHttpEdge<Ctx extends BaseContext>(options: HttpEdgeOptions<Ctx>): Server {
  const limit = options.maxBodyBytes ?? 1_000_000;
  const started = Date.now();
  let requests = 0;

  return createServer(async (req, res) => {
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
        const extra = options.metrics?.();
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
        return res.end(lines.join("\n") + "\n" + (extra ? extra + "\n" : ""));
      }
      if (url.pathname !== "/graphql") {
        return sendJson(res, 404, { error: `No route ${req.method} ${url.pathname}. GraphQL is served at /graphql.` });
      }
      requests += 1;
      const raw = req.method === "POST" ? await readBody(req, limit) : "";
      let body: unknown = undefined;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new HttpError(400, "The request body is not valid JSON.");
        }
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      const result = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
        context: () => options.context(req),
      });
      for (const [key, value] of result.headers) res.setHeader(key, value);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === "complete") {
        res.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) return sendJson(res, error.status, { errors: [{ message: error.message }] });
      sendJson(res, 500, { errors: [{ message: "Internal error" }] });
    }
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
