import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { memoryStore } from "./conversation-store.ts";
import { createConversations, type Turn } from "./conversation.ts";
import { createGatewayClient } from "./gateway-client.ts";
import { prepareUnderstanding } from "./understanding/index.ts";

/**
 * chat — the bot for staff, in a terminal, answering from the gateway (GATEWAY_URL, default
 * http://localhost:4000/graphql):
 *   pnpm chat "Où trouver une crèche à Béthune ?"   one answer
 *   pnpm chat                                        an interactive session (Ctrl-D to quit)
 *   --debug                                          also prints the intent, slots and results
 */
const args = process.argv.slice(2);
const debug = args.includes("--debug");
const question = args.filter((a) => a !== "--debug").join(" ").trim();
const gatewayUrl = process.env.GATEWAY_URL ?? "http://localhost:4000/graphql";

prepareUnderstanding();
const conversations = createConversations({ store: memoryStore(), gateway: createGatewayClient(gatewayUrl) });
const conversationId = `cli-${randomUUID()}`;

function show(turn: Turn): void {
  console.log(turn.reply.text);
  if (debug) {
    const { intent, slots, total, results, suggestions, notice } = turn.reply.channelData;
    console.log(
      `\x1b[2m[intent ${intent}] [slots ${JSON.stringify(slots)}] [notice ${notice}] [total ${total}] ` +
        `[results ${results.map((r) => r.id).join(", ") || "—"}]${suggestions.length ? ` [suggestions ${suggestions.map((r) => r.id).join(", ")}]` : ""}\x1b[0m`,
    );
  }
}

if (question) {
  show(await conversations.handle(conversationId, question));
} else {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  console.log(`Tchat CTG (réponses depuis ${gatewayUrl}). Posez votre question ; Ctrl-D pour quitter.`);
  rl.setPrompt("vous › ");
  rl.prompt();
  for await (const line of rl) {
    if (line.trim()) show(await conversations.handle(conversationId, line));
    rl.prompt();
  }
  console.log();
}
