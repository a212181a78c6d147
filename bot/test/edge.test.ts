import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryStore } from "../src/conversation-store.ts";
import { botCorsPolicy, botEdgeSettingsFromEnv, DEFAULT_ADDRESS_RATE, DEFAULT_CONVERSATION_RATE } from "../src/server.ts";
import { startBot, type RunningBot } from "../../test/support/bot.ts";

/**
 * The bot's edge without a gateway: rate limits per conversation and per address, CORS, request
 * ids. Greetings are answered without the gateway, so none is needed here.
 */
const NO_GATEWAY = "http://127.0.0.1:9/graphql";
let bot: RunningBot;
let tightAddress: RunningBot;

beforeAll(async () => {
  bot = await startBot(NO_GATEWAY, memoryStore(), 0, { conversationRate: { perMinute: 2, burst: 2 }, cors: botCorsPolicy(["https://ctg.example.fr"]) });
  tightAddress = await startBot(NO_GATEWAY, memoryStore(), 0, { addressRate: { perMinute: 3, burst: 3 } });
});
afterAll(async () => {
  await bot?.close();
  await tightAddress?.close();
});

describe("rate limits at the bot", () => {
  it("answers a conversation over its limit with 429, Retry-After and a polite French reply", async () => {
    expect((await bot.say("chatty", "bonjour")).status).toBe(200);
    expect((await bot.say("chatty", "bonjour")).status).toBe(200);
    const response = await fetch(`${bot.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "message", text: "bonjour", user: "chatty" }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("30");
    const [reply] = await response.json();
    expect(reply.type).toBe("message");
    expect(reply.text).toMatch(/^Vous m'écrivez très vite .* Merci de patienter 30 secondes/);
    expect(reply.text).toMatch(/17.*119.*3919/);
    expect(reply.channelData).toMatchObject({ notice: "RATE_LIMITED", retryAfterSeconds: 30, results: [], total: 0 });
  });

  it("keeps other conversations answered", async () => {
    expect((await bot.say("quiet", "bonjour")).status).toBe(200);
  });

  it("still gives the emergency numbers, with the EMERGENCY notice, to a message about violence over the limit", async () => {
    await bot.say("in-danger", "bonjour");
    await bot.say("in-danger", "bonjour");
    const { status, body } = await bot.say("in-danger", "mon mari me frappe, j'ai peur");
    expect(status).toBe(429);
    expect(body[0].channelData.notice).toBe("EMERGENCY");
    expect(body[0].text).toMatch(/3919/);
    expect(body[0].text).toMatch(/\b17\b/);
    expect(body[0].text).toMatch(/119/);
  });

  it("limits one address across conversations, on the webhook and on /api/conversations", async () => {
    expect((await tightAddress.say("a", "bonjour")).status).toBe(200);
    expect((await tightAddress.say("b", "bonjour")).status).toBe(200);
    const issued = await fetch(`${tightAddress.url}/api/conversations`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(issued.status).toBe(201);
    expect((await tightAddress.say("c", "bonjour")).status).toBe(429);
    const refused = await fetch(`${tightAddress.url}/api/conversations`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("20");
    expect((await refused.json()).error).toMatch(/Too many conversations opened from this address; retry in 20 s/);
  });

  it("reads its limits from the environment, generous by default, 0 turning one off", () => {
    expect(botEdgeSettingsFromEnv({})).toMatchObject({ conversationRate: DEFAULT_CONVERSATION_RATE, addressRate: DEFAULT_ADDRESS_RATE });
    expect(botEdgeSettingsFromEnv({ CTG_BOT_CONVERSATION_RATE_PER_MINUTE: "0", CTG_BOT_ADDRESS_RATE_BURST: "5" })).toMatchObject({
      conversationRate: null,
      addressRate: { perMinute: DEFAULT_ADDRESS_RATE.perMinute, burst: 5 },
    });
    expect(botEdgeSettingsFromEnv({ CTG_MODE: "production" }).cors.origins).toEqual([]);
  });
});

describe("CORS and request ids at the bot", () => {
  const preflight = (origin: string) =>
    fetch(`${bot.url}/api/messages`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });

  it("answers the preflight of an allowed origin and gives others no CORS headers", async () => {
    const allowed = await preflight("https://ctg.example.fr");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://ctg.example.fr");
    expect(allowed.headers.get("access-control-allow-methods")).toMatch(/POST/);
    const denied = await preflight("https://evil.example");
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("gives every response an x-request-id", async () => {
    const response = await fetch(`${bot.url}/health`, { headers: { "x-request-id": "probe-1" } });
    expect(response.headers.get("x-request-id")).toBe("probe-1");
  });
});
