import { onShutdown } from "@ctg/kit";
import { storeFromEnv } from "./conversation-store.ts";
import { createConversations } from "./conversation.ts";
import { createGatewayClient } from "./gateway-client.ts";
import { botEdgeSettingsFromEnv, createBotServer } from "./server.ts";
import { prepareUnderstanding } from "./understanding/index.ts";

const port = Number(process.env.BOT_PORT ?? process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const gatewayUrl = process.env.GATEWAY_URL ?? "http://localhost:4000/graphql";

prepareUnderstanding();
const store = storeFromEnv();
const conversations = createConversations({ store, gateway: createGatewayClient(gatewayUrl) });
const server = createBotServer({ conversations, store, gatewayUrl, edge: botEdgeSettingsFromEnv() });
await new Promise<void>((resolve) => server.http.listen(port, host, resolve));
console.log(`bot ready at http://localhost:${port}/ (webhook POST /api/messages, conversations in ${store.kind}, gateway ${gatewayUrl})`);
onShutdown(async () => {
  await server.close();
  await store.close();
});
