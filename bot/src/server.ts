import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { WebAdapter } from "botbuilder-adapter-web";
import { Botkit } from "botkit";
import express, { type NextFunction, type Request, type Response } from "express";
import type { ConversationStore } from "./conversation-store.ts";
import type { Conversations } from "./conversation.ts";

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../public");

/** A request body is a question, not a document. */
export const MAX_BODY = "128kb";
const CONVERSATION_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;

export interface BotServerOptions {
  conversations: Conversations;
  store: ConversationStore;
  /** GET /ready checks the gateway's /ready here. */
  gatewayUrl: string;
}

function sendError(res: Response, status: number, message: string) {
  res.status(status).json({ error: message });
}

/**
 * The bot's HTTP edge. Botkit (with the web adapter) stays at the channel edge: it receives the
 * webhook and websocket messages and sends the replies; understanding, dialogue and answers are the
 * plain modules behind `conversations.handle`.
 */
export function createBotServer(options: BotServerOptions): { http: Server; close(): Promise<void> } {
  const app = express();
  app.disable("x-powered-by");
  app.use((_req, res, next) => {
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "no-referrer");
    next();
  });
  app.use(express.json({ limit: MAX_BODY }));
  app.use(express.static(publicDir, { index: "index.html", maxAge: 0 }));

  app.get("/health", (_req, res) => {
    res.json({ status: "ok", service: "bot" });
  });
  app.get("/ready", async (_req, res) => {
    const readyUrl = new URL("/ready", options.gatewayUrl).toString();
    try {
      const response = await fetch(readyUrl, { signal: AbortSignal.timeout(2_000) });
      res.status(response.ok ? 200 : 503).json({
        status: response.ok ? "ready" : "not_ready",
        service: "bot",
        checks: { gateway: { ok: response.ok, detail: `${readyUrl}: ${response.status}` }, conversations: { ok: true, detail: options.store.kind } },
      });
    } catch (error) {
      res.status(503).json({ status: "not_ready", service: "bot", checks: { gateway: { ok: false, detail: `${readyUrl}: ${(error as Error).message}` } } });
    }
  });

  /** The web chat asks here for its conversation id: ids are issued by the server, never chosen by the page. */
  app.post("/api/conversations", async (req, res, next) => {
    try {
      const resume = typeof req.body?.resume === "string" ? req.body.resume : null;
      if (resume && CONVERSATION_ID.test(resume) && (await options.store.isIssued(resume))) return res.json({ id: resume, resumed: true });
      const id = randomUUID();
      await options.store.issue(id);
      res.status(201).json({ id, resumed: false });
    } catch (error) {
      next(error);
    }
  });

  app.post("/api/messages", (req, res, next) => {
    const body = req.body as { type?: unknown; user?: unknown; text?: unknown } | undefined;
    if (!body || typeof body !== "object" || Array.isArray(body)) return sendError(res, 400, 'Expected a JSON object {"type": "message", "text": "…", "user": "<conversation id>"}.');
    if (typeof body.user !== "string" || !CONVERSATION_ID.test(body.user)) {
      return sendError(res, 400, "`user` must be the conversation id: 1 to 128 letters, digits or . _ : @ -");
    }
    if (body.type !== undefined && typeof body.type !== "string") return sendError(res, 400, "`type` must be a string such as \"message\".");
    if (body.text !== undefined && body.text !== null && typeof body.text !== "string") return sendError(res, 400, "`text` must be a string.");
    next();
  });

  const http = createServer(app);
  const adapter = new WebAdapter({});
  // The adapter would attach its websocket server to a server Botkit creates itself; we give Botkit
  // our own Express app, so we attach the websocket server to our HTTP server below instead.
  (adapter as unknown as { init?: unknown }).init = undefined;
  const controller = new Botkit({ adapter, webserver: app, webhook_uri: "/api/messages", disable_console: true } as never);
  adapter.createSocketServer(http, {}, controller.handleTurn.bind(controller));

  controller.on("message", async (bot, message) => {
    const websocket = message.incoming_message?.channelId === "websocket";
    if (websocket && !(await options.store.isIssued(message.user))) {
      await bot.reply(message, { text: "Votre session de tchat a expiré : rechargez la page pour en ouvrir une nouvelle.", channelData: { event: "session_expired" } });
      return;
    }
    const { reply } = await options.conversations.handle(message.user, message.text);
    await bot.reply(message, { text: reply.text, channelData: { channelData: reply.channelData } });
  });

  app.use((error: Error & { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === "entity.parse.failed") return sendError(res, 400, "The request body is not valid JSON.");
    if (error.type === "entity.too.large") return sendError(res, 413, `The request body is over ${MAX_BODY}.`);
    console.error("bot error:", error.message);
    sendError(res, 500, "Internal error");
  });

  return {
    http,
    close: async () => {
      adapter.wss?.clients.forEach((ws: { terminate(): void }) => ws.terminate());
      await new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      });
      await controller.shutdown().catch(() => {});
    },
  };
}
