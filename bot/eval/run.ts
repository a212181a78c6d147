import path from "node:path";
import { devQuestionsPath, playConversations, readConversations, summarize, type Reply } from "./score.ts";

/**
 * eval:bot — plays a question set against the running hub (bot webhook + gateway) and prints the
 * failures, the accuracy per intent and the latency. Options: --file, --bot, --gateway.
 */
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const file = arg("file", devQuestionsPath());
const botUrl = arg("bot", process.env.BOT_URL ?? "http://localhost:3000");
const gatewayUrl = arg("gateway", process.env.GATEWAY_URL ?? "http://localhost:4000/graphql");

async function graph(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`gateway: ${body.errors.map((e) => e.message).join("; ")}`);
  return body.data;
}

async function send(user: string, text: string): Promise<Reply[]> {
  const response = await fetch(`${botUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "message", text, user }) });
  if (!response.ok) throw new Error(`bot answered HTTP ${response.status}`);
  return (await response.json()) as Reply[];
}

try {
  await fetch(`${botUrl}/health`);
} catch {
  console.error(`No bot answers at ${botUrl}: start the hub first (npm start), or pass --bot and --gateway.`);
  process.exit(2);
}
const conversations = readConversations(file);
const outcomes = await playConversations(conversations, send, graph);
const s = summarize(outcomes);
for (const f of s.failures) console.log(`✗ ${f.conversation} turn ${f.turn} « ${f.text} »: ${f.problems.join("; ")}`);
console.log(`\neval:bot — ${path.relative(process.cwd(), file)}`);
console.log("intent                 passed / turns");
for (const [intent, { passed, total }] of [...s.perIntent].sort()) console.log(`${intent.padEnd(22)} ${String(passed).padStart(6)} / ${total}`);
console.log(`\nconversations: ${s.passedConversations}/${s.conversations} passed (${(s.accuracy * 100).toFixed(1)} %); turns: ${s.passedTurns}/${s.turns}`);
console.log(`latency per turn (webhook, sequential): p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`);
process.exit(s.failures.length ? 1 : 0);
