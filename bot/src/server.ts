import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyCors, envFlag, hubMode, parseCorsOrigins, RateLimiter, rateLimitFromEnv, requestIdOf, type CorsPolicy, type RateLimit } from "@ctg/kit";
import { WebAdapter } from "botbuilder-adapter-web";
import { Botkit } from "botkit";
import express, { type NextFunction, type Request, type Response } from "express";
import { EMERGENCY_NUMBERS } from "./answers/small-talk.ts";
import type { BotReply } from "./answers/types.ts";
import type { ConversationStore } from "./conversation-store.ts";
import { cleanText, type Conversations } from "./conversation.ts";
import { emptySlots } from "./dialogue/state.ts";
import { isEmergency } from "./understanding/emergency.ts";
import { fold } from "./understanding/text.ts";

const publicDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../public");

/** A request body is a question, not a document. */
export const MAX_BODY = "128kb";
const CONVERSATION_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;

/** Rate limits and CORS of the bot's edge (README, « Settings »). */
export interface BotEdgeSettings {
  /** Messages of one conversation (webhook and websocket); null when off. */
  conversationRate: RateLimit | null;
  /** Requests from one address to the webhook and to /api/conversations; null when off. */
  addressRate: RateLimit | null;
  /** Browser origins allowed to call /api/* from another site. */
  cors: CorsPolicy;
  /** Take the address from `x-forwarded-for` (behind one reverse proxy). */
  trustProxy: boolean;
}

/** A person types a few messages a minute; a burst of 12 leaves room for quick follow-ups. */
export const DEFAULT_CONVERSATION_RATE: RateLimit = { perMinute: 30, burst: 12 };
/** Many conversations may share an address (a channel connector, a France Services room): a flood guard only. */
export const DEFAULT_ADDRESS_RATE: RateLimit = { perMinute: 3_600, burst: 600 };

export function botCorsPolicy(origins: readonly string[]): CorsPolicy {
  return { origins, methods: ["GET", "POST", "OPTIONS"], allowHeaders: ["content-type", "x-request-id"], exposeHeaders: ["x-request-id", "retry-after"], maxAgeSeconds: 600 };
}

export function botEdgeSettingsFromEnv(env: Record<string, string | undefined> = process.env): BotEdgeSettings {
  const production = hubMode(env) === "production";
  return {
    conversationRate: rateLimitFromEnv(env, "CTG_BOT_CONVERSATION_RATE", DEFAULT_CONVERSATION_RATE),
    addressRate: rateLimitFromEnv(env, "CTG_BOT_ADDRESS_RATE", DEFAULT_ADDRESS_RATE),
    cors: botCorsPolicy(parseCorsOrigins(env.CTG_CORS_ORIGINS, production ? [] : ["http://localhost:*", "http://127.0.0.1:*"])),
    trustProxy: envFlag(env, "CTG_TRUST_PROXY"),
  };
}

export interface BotServerOptions {
  conversations: Conversations;
  store: ConversationStore;
  /** GET /ready checks the gateway's /ready here. */
  gatewayUrl: string;
  /** Defaults: generous rate limits, local pages allowed by CORS. */
  edge?: Partial<BotEdgeSettings>;
}

/** The reply to a message over the rate limit: polite, in French, with the emergency numbers when they matter. */
export function rateLimitedReply(retryAfterSeconds: number, text: unknown): BotReply & { channelData: { notice: string; retryAfterSeconds: number } } {
  const emergency = isEmergency(fold(cleanText(text)));
  const wait = retryAfterSeconds <= 1 ? "une seconde" : `${retryAfterSeconds} secondes`;
  return {
    text:
      `Vous m'écrivez très vite : je ne peux pas répondre à tant de messages d'un coup. Merci de patienter ${wait} avant de m'écrire à nouveau.` +
      (emergency ? ` ${EMERGENCY_NUMBERS}` : " En cas d'urgence, appelez le 17, le 119 (enfant en danger) ou le 3919 (violences conjugales)."),
    channelData: { intent: "help", slots: emptySlots(), results: [], total: 0, suggestions: [], notice: emergency ? "EMERGENCY" : "RATE_LIMITED", retryAfterSeconds } as never,
  };
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
  const settings: BotEdgeSettings = {
    conversationRate: DEFAULT_CONVERSATION_RATE,
    addressRate: DEFAULT_ADDRESS_RATE,
    cors: botCorsPolicy(["http://localhost:*", "http://127.0.0.1:*"]),
    trustProxy: false,
    ...options.edge,
  };
  const perConversation = settings.conversationRate ? new RateLimiter(settings.conversationRate) : null;
  const perAddress = settings.addressRate ? new RateLimiter(settings.addressRate) : null;

  const app = express();
  app.disable("x-powered-by");
  if (settings.trustProxy) app.set("trust proxy", 1);
  app.use((req, res, next) => {
    res.setHeader("x-request-id", requestIdOf(req));
    res.setHeader("x-content-type-options", "nosniff");
    res.setHeader("referrer-policy", "no-referrer");
    next();
  });
  app.use("/api", (req, res, next) => {
    if (!applyCors(settings.cors, req, res)) next();
  });
  /** Seconds to wait when the address's bucket (webhook and /api/conversations) is empty, else null. */
  const addressWait = (req: Request): number | null => {
    const decision = perAddress?.take(req.ip ?? req.socket.remoteAddress ?? "unknown");
    return decision && !decision.allowed ? decision.retryAfterSeconds : null;
  };
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
    const wait = addressWait(req);
    if (wait !== null) {
      res.setHeader("retry-after", String(wait));
      return sendError(res, 429, `Too many conversations opened from this address; retry in ${wait} s.`);
    }
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
    const overLimit = (retryAfterSeconds: number) => {
      res.setHeader("retry-after", String(retryAfterSeconds));
      const reply = rateLimitedReply(retryAfterSeconds, body.text);
      res.status(429).json([{ type: "message", text: reply.text, channelData: reply.channelData }]);
    };
    const wait = addressWait(req);
    if (wait !== null) return overLimit(wait);
    const decision = perConversation?.take(body.user);
    if (decision && !decision.allowed) return overLimit(decision.retryAfterSeconds);
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
    // Webhook messages were counted by the route above; websocket ones are counted here.
    const decision = websocket ? perConversation?.take(message.user) : undefined;
    if (decision && !decision.allowed) {
      const reply = rateLimitedReply(decision.retryAfterSeconds, message.text);
      await bot.reply(message, { text: reply.text, channelData: { channelData: reply.channelData } });
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
