import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "../../test/support/stack.ts";

/**
 * Two bot processes sharing conversations through Redis: CI sets CTG_TEST_REDIS_URL to its Redis
 * server. Without one (a developer's machine) the suite says it is skipped and why.
 */
const REDIS_URL = process.env.CTG_TEST_REDIS_URL;
if (!REDIS_URL) console.warn("bot/test/redis.test.ts skipped: set CTG_TEST_REDIS_URL=redis://127.0.0.1:6379 to run the two-process Redis test.");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startBotProcess(gatewayUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "bot/src/index.ts"], {
    cwd: root,
    env: { ...process.env, BOT_PORT: String(port), REDIS_URL, GATEWAY_URL: gatewayUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error("bot process did not start");
}

describe.runIf(REDIS_URL)("two bot processes on one Redis", () => {
  let stack: Stack;
  const bots: { url: string; child: ChildProcess }[] = [];

  beforeAll(async () => {
    stack = await startStack("redis");
    bots.push(await startBotProcess(stack.gatewayUrl), await startBotProcess(stack.gatewayUrl));
  });
  afterAll(async () => {
    for (const b of bots) b.child.kill("SIGTERM");
    await stack?.close();
  });

  const say = async (botIndex: number, user: string, text: string) => {
    const response = await fetch(`${bots[botIndex].url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "message", text, user }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { channelData: any; text: string }[])[0];
  };

  it("serves one conversation from both processes alternately, the context following it", async () => {
    const user = `redis-${Date.now()}`;
    const first = await say(0, user, "Où trouver un centre de loisirs à Béthune ?");
    expect(first.channelData.slots).toMatchObject({ communeCode: "62119", serviceTypes: ["ALSH"] });
    const second = await say(1, user, "et à Lillers ?");
    expect(second.channelData).toMatchObject({ intent: "services.find", slots: { communeCode: "62516", serviceTypes: ["ALSH"] } });
    const third = await say(0, user, "qui le gère ?");
    expect(third.channelData).toMatchObject({ intent: "service.operator", slots: { communeCode: "62516", serviceTypes: ["ALSH"] } });
    const fourth = await say(1, user, "et qui le finance ?");
    expect(fourth.channelData).toMatchObject({ intent: "service.funding", slots: { communeCode: "62516" } });
  });

  it("completes a clarification asked by one process in the other", async () => {
    const user = `redis-clarify-${Date.now()}`;
    expect((await say(1, user, "Je cherche une crèche")).channelData.intent).toBe("clarify");
    const answer = await say(0, user, "à Auchel");
    expect(answer.channelData).toMatchObject({ intent: "services.find", slots: { communeCode: "62048" } });
  });

  it("reports Redis on /ready", async () => {
    const ready = (await (await fetch(`${bots[0].url}/ready`)).json()) as { checks: { conversations: { detail: string } } };
    expect(ready.checks.conversations.detail).toBe("redis");
  });
});
