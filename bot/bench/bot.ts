/**
 * bench:bot — (1) understanding alone: understand() per utterance over the dev set, warm;
 * (2) the webhook end to end: the whole hub as separate processes on this machine, 20 concurrent
 * conversations replaying the dev set for `--duration` seconds; p50/p95 latency per message.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { devQuestionsPath, readConversations } from "../eval/score.ts";
import { arg, percentile, postgresArg, startBenchHub } from "../../test/bench/hub.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const devSet = devQuestionsPath();
const CONVERSATIONS = arg("conversations", 20);
const DURATION = arg("duration", 20);

console.log("== understanding alone");
console.log(execFileSync(process.execPath, ["--import", "tsx", path.join(here, "understanding.ts"), "300"], { encoding: "utf8" }).trim());

console.log(`\n== webhook end to end: ${CONVERSATIONS} concurrent conversations for ${DURATION} s`);
const conversations = readConversations(devSet);
const hub = await startBenchHub({ scale: 1, basePort: 14700, withBot: true, postgresUrl: postgresArg() });
try {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + DURATION * 1000;
  const worker = async (w: number) => {
    let round = 0;
    while (Date.now() < deadline) {
      const conversation = conversations[(w * 7 + round) % conversations.length];
      const user = `bench-${w}-${round++}`;
      for (const turn of conversation.turns) {
        const started = performance.now();
        try {
          const response = await fetch(`${hub.botUrl}/api/messages`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ type: "message", text: turn.text, user }),
          });
          const body = (await response.json()) as { channelData?: { notice: string | null } }[];
          if (!response.ok || body[0]?.channelData?.notice === "UPSTREAM_UNAVAILABLE") errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - started);
      }
    }
  };
  await Promise.all(Array.from({ length: CONVERSATIONS }, (_, w) => worker(w)));
  console.log(`messages: ${latencies.length} (${(latencies.length / DURATION).toFixed(1)}/s), errors: ${errors}`);
  console.log(`latency per message: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);
} finally {
  await hub.stop();
}
