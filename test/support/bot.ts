import type { AddressInfo } from "node:net";
import { memoryStore, type ConversationStore } from "../../bot/src/conversation-store.ts";
import { createConversations } from "../../bot/src/conversation.ts";
import { createGatewayClient } from "../../bot/src/gateway-client.ts";
import { createBotServer, type BotEdgeSettings } from "../../bot/src/server.ts";

export interface RunningBot {
  url: string;
  /** POSTs one message to the webhook and returns the parsed reply activities. */
  say(user: string, text: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * The bot's HTTP edge on a free port (or on `port`, e.g. to restart it where a page expects it),
 * answering from the given gateway.
 */
export async function startBot(gatewayUrl: string, store: ConversationStore = memoryStore(), port = 0, edge?: Partial<BotEdgeSettings>): Promise<RunningBot> {
  const conversations = createConversations({ store, gateway: createGatewayClient(gatewayUrl) });
  const server = createBotServer({ conversations, store, gatewayUrl, edge });
  await new Promise<void>((resolve, reject) => {
    server.http.once("error", reject); // e.g. EADDRINUSE when a fixed port is still taken
    server.http.listen(port, "127.0.0.1", () => {
      server.http.off("error", reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.http.address() as AddressInfo).port}`;
  return {
    url,
    say: async (user, text) => {
      const response = await fetch(`${url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "message", text, user }),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}
