import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The development question set: the project's shared copy (../shared/eval) when it sits beside the
 * repository, else the copy committed here, so a clone anywhere can run the tests.
 */
export function devQuestionsPath(): string {
  const shared = path.resolve(here, "../../../shared/eval/dev-questions.jsonl");
  return existsSync(shared) ? shared : path.join(here, "dev-questions.jsonl");
}

/**
 * The bot's question sets, scored as ../shared/eval/README.md says: every `expect` key must hold for
 * the reply's channelData, and the answer must be the truth computed from the gateway.
 */
export interface Expectation {
  intent?: string | string[];
  communeCode?: string;
  serviceTypes?: string[];
  ageMonths?: number;
  notice?: string;
  textHas?: string[];
  partnerSearch?: string;
}
export interface Conversation {
  id: string;
  turns: { text: string; expect: Expectation }[];
}

export interface Reply {
  text: string;
  channelData: {
    intent: string;
    slots: { communeCode: string | null; serviceTypes: string[]; ageMonths: number | null; partnerId: string | null; serviceId: string | null };
    results: { type: string; id: string }[];
    total: number;
    suggestions: { type: string; id: string }[];
    notice: string | null;
  };
}

export type Graph = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function readConversations(file: string): Conversation[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Conversation);
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");
const uniq = (xs: string[]) => [...new Set(xs)];

const SERVICES = `query($f: ServiceFilter) { services(filter: $f, first: 500) { totalCount nodes { id operator { id } fundings { funder { id } } } } }`;

/** The problems of one reply against its expectation; empty when the turn passes. */
export async function checkTurn(reply: Reply | undefined, expect: Expectation, graph: Graph): Promise<string[]> {
  if (!reply?.channelData) return ["no message reply with channelData"];
  const cd = reply.channelData;
  const problems: string[] = [];
  const intents = expect.intent === undefined ? null : Array.isArray(expect.intent) ? expect.intent : [expect.intent];
  if (intents && !intents.includes(cd.intent)) problems.push(`intent ${cd.intent} ≠ ${intents.join("|")}`);
  if (expect.communeCode !== undefined && cd.slots.communeCode !== expect.communeCode) problems.push(`communeCode ${cd.slots.communeCode} ≠ ${expect.communeCode}`);
  if (expect.serviceTypes !== undefined && !sameSet(cd.slots.serviceTypes, expect.serviceTypes)) problems.push(`serviceTypes [${cd.slots.serviceTypes}] ≠ [${expect.serviceTypes}]`);
  if (expect.ageMonths !== undefined && cd.slots.ageMonths !== expect.ageMonths) problems.push(`ageMonths ${cd.slots.ageMonths} ≠ ${expect.ageMonths}`);
  if (expect.notice !== undefined && cd.notice !== expect.notice) problems.push(`notice ${cd.notice} ≠ ${expect.notice}`);
  for (const pattern of expect.textHas ?? []) if (!new RegExp(pattern, "i").test(reply.text)) problems.push(`text lacks /${pattern}/`);
  if (expect.partnerSearch !== undefined) {
    const data = await graph<{ partners: { id: string }[] }>(`query($s: String) { partners(search: $s, first: 1) { id } }`, { s: expect.partnerSearch });
    if (cd.slots.partnerId !== data.partners[0]?.id) problems.push(`partnerId ${cd.slots.partnerId} ≠ ${data.partners[0]?.id}`);
  }
  if (problems.length) return problems;

  // The answer must be the truth computed from the gateway.
  const ids = (refs: { id: string }[]) => refs.map((r) => r.id);
  const filter = { communeCode: cd.slots.communeCode, types: cd.slots.serviceTypes.length ? cd.slots.serviceTypes : null, ageMonths: cd.slots.ageMonths };
  switch (cd.intent) {
    case "services.find": {
      if (!cd.slots.communeCode) break;
      const truth = (await graph(SERVICES, { f: filter })).services;
      if (cd.total !== truth.totalCount) problems.push(`total ${cd.total} ≠ ${truth.totalCount}`);
      const all = new Set(truth.nodes.map((n: { id: string }) => n.id));
      if (cd.results.length !== Math.min(10, truth.totalCount) || !ids(cd.results).every((id) => all.has(id))) problems.push("results are not the first matching services");
      break;
    }
    case "service.operator":
    case "service.funding": {
      if (!cd.slots.communeCode) break;
      const truth = (await graph(SERVICES, { f: filter })).services.nodes as { operator: { id: string }; fundings: { funder: { id: string } }[] }[];
      const expected =
        cd.intent === "service.operator" ? uniq(truth.map((n) => n.operator.id)) : uniq(truth.flatMap((n) => n.fundings.map((f) => f.funder.id)));
      const ok = expected.length <= 10 ? sameSet(ids(cd.results), expected) : cd.results.length === 10 && ids(cd.results).every((id) => expected.includes(id));
      if (!ok) {
        problems.push(`${cd.intent === "service.operator" ? "operators" : "funders"} [${ids(cd.results)}] ≠ [${expected}]`);
      }
      break;
    }
    case "partner.services": {
      if (!cd.slots.partnerId) break;
      const truth = await graph(`query($id: ID!) { partner(id: $id) { operatedServices { id } } }`, { id: cd.slots.partnerId });
      const all = (truth.partner?.operatedServices ?? []).map((s: { id: string }) => s.id);
      if (cd.total !== all.length || !ids(cd.results).every((id) => all.includes(id))) problems.push("results are not the partner's operated services");
      break;
    }
    case "ctg.signatories": {
      const truth = await graph(`{ convention(id: "ctg-cabbalr-2026-2030") { signatories { id } } }`);
      if (!sameSet(ids(cd.results), ids(truth.convention.signatories))) problems.push("results are not the signatories");
      break;
    }
    case "ctg.engagement": {
      if (!cd.slots.communeCode) break;
      const truth = await graph(`query($c: ID!) { commune(code: $c) { ctgEngaged } }`, { c: cd.slots.communeCode });
      const saysYes = /^\s*oui\b/i.test(reply.text);
      const saysNo = /^\s*non\b/i.test(reply.text);
      if (truth.commune.ctgEngaged ? !saysYes : !saysNo) problems.push(`reply does not say ${truth.commune.ctgEngaged ? "yes" : "no"}`);
      break;
    }
  }
  return problems;
}

export interface TurnOutcome {
  conversation: string;
  turn: number;
  text: string;
  expectedIntent: string;
  problems: string[];
  latencyMs: number;
}

/** Plays every conversation through `send` (one user id per conversation) and scores each turn. */
export async function playConversations(
  conversations: Conversation[],
  send: (user: string, text: string) => Promise<Reply[]>,
  graph: Graph,
  runId = Date.now().toString(36),
): Promise<TurnOutcome[]> {
  const outcomes: TurnOutcome[] = [];
  for (const conversation of conversations) {
    const user = `eval-${runId}-${conversation.id}`;
    for (const [i, turn] of conversation.turns.entries()) {
      const started = performance.now();
      const replies = await send(user, turn.text);
      const latencyMs = performance.now() - started;
      const reply = replies.find((r) => r.channelData);
      const problems = await checkTurn(reply, turn.expect, graph);
      const expected = turn.expect.intent === undefined ? "(any)" : Array.isArray(turn.expect.intent) ? turn.expect.intent.join("|") : turn.expect.intent;
      outcomes.push({ conversation: conversation.id, turn: i + 1, text: turn.text, expectedIntent: expected, problems, latencyMs });
    }
  }
  return outcomes;
}

export const percentile = (values: number[], p: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export function summarize(outcomes: TurnOutcome[]) {
  const byConversation = new Map<string, boolean>();
  for (const o of outcomes) byConversation.set(o.conversation, (byConversation.get(o.conversation) ?? true) && o.problems.length === 0);
  const perIntent = new Map<string, { passed: number; total: number }>();
  for (const o of outcomes) {
    const entry = perIntent.get(o.expectedIntent) ?? { passed: 0, total: 0 };
    entry.total += 1;
    if (!o.problems.length) entry.passed += 1;
    perIntent.set(o.expectedIntent, entry);
  }
  const passedConversations = [...byConversation.values()].filter(Boolean).length;
  return {
    conversations: byConversation.size,
    passedConversations,
    accuracy: passedConversations / Math.max(1, byConversation.size),
    turns: outcomes.length,
    passedTurns: outcomes.filter((o) => !o.problems.length).length,
    perIntent,
    failures: outcomes.filter((o) => o.problems.length),
    p50: percentile(outcomes.map((o) => o.latencyMs), 50),
    p95: percentile(outcomes.map((o) => o.latencyMs), 95),
  };
}
