/**
 * Time of understand() per utterance over every turn of the dev question set, warm.
 * Run: pnpm exec tsx bot/bench/understanding.ts [rounds]
 */
import { performance } from "node:perf_hooks";
import { devQuestionsPath, readConversations } from "../eval/score.ts";
import { prepareUnderstanding, understand } from "../src/understanding/index.ts";

const devSetPath = process.env.CTG_DEV_QUESTIONS ?? devQuestionsPath();
const utterances: string[] = readConversations(devSetPath).flatMap((c) => c.turns.map((t) => t.text));

const rounds = Number(process.argv[2] ?? 200);

const coldStart = performance.now();
prepareUnderstanding();
understand(utterances[0]);
const coldMs = performance.now() - coldStart;

for (let i = 0; i < 20; i++) for (const text of utterances) understand(text);

const samples: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const text of utterances) {
    const start = performance.now();
    understand(text);
    samples.push(performance.now() - start);
  }
}
samples.sort((a, b) => a - b);
const quantile = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
const format = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;

console.log(`understand(): ${utterances.length} utterances × ${rounds} rounds = ${samples.length} calls (warm)`);
console.log(`  median ${format(quantile(0.5))}   p95 ${format(quantile(0.95))}   p99 ${format(quantile(0.99))}   max ${format(samples[samples.length - 1])}`);
console.log(`  first call, with building the place indexes: ${coldMs.toFixed(0)} ms`);
