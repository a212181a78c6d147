import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBot, type RunningBot } from "../../test/support/bot.ts";
import { startStack, type Stack } from "../../test/support/stack.ts";
import { devQuestionsPath, playConversations, readConversations, summarize, type Reply } from "../eval/score.ts";

const DEV_SET = devQuestionsPath();

let stack: Stack;
let bot: RunningBot;

beforeAll(async () => {
  stack = await startStack("bot");
  bot = await startBot(stack.gatewayUrl);
});
afterAll(async () => {
  await bot?.close();
  await stack?.close();
});

let conversationCounter = 0;
const newUser = () => `test-${process.pid}-${++conversationCounter}`;
async function ask(user: string, text: unknown): Promise<Reply> {
  const { status, body } = await bot.say(user, text);
  expect(status).toBe(200);
  expect(Array.isArray(body)).toBe(true);
  return body.find((r: Reply) => r.channelData) as Reply;
}
const graph = async (query: string, variables: Record<string, unknown> = {}) => {
  const { data, errors } = await stack.query(query, variables);
  if (errors) throw new Error(JSON.stringify(errors));
  return data;
};

describe("the bot's webhook against the real gateway", () => {
  it("passes every conversation of the development question set, answers checked against the gateway", async () => {
    const outcomes = await playConversations(readConversations(DEV_SET), async (user, text) => (await bot.say(user, text)).body, graph);
    const summary = summarize(outcomes);
    expect(summary.failures.map((f) => `${f.conversation}#${f.turn} ${f.problems.join("; ")}`)).toEqual([]);
  });

  it("answers a crèche question in Béthune with exactly the services the gateway lists, in order", async () => {
    const reply = await ask(newUser(), "Où trouver une crèche à Béthune ?");
    const truth = await graph(`{ services(filter: { communeCode: "62119", types: [EAJE, MICRO_CRECHE] }, first: 10) { totalCount nodes { id name } } }`);
    expect(reply.channelData.intent).toBe("services.find");
    expect(reply.channelData.total).toBe(truth.services.totalCount);
    expect(reply.channelData.results.map((r) => r.id)).toEqual(truth.services.nodes.map((n: { id: string }) => n.id));
    expect(reply.text).toContain(truth.services.nodes[0].name);
    expect(reply.text).toMatch(/données d'exemple/);
  });

  it("keeps the context of a conversation: commune change, then who runs it, who funds it, its number", async () => {
    const user = newUser();
    const first = await ask(user, "Où trouver un centre de loisirs à Béthune ?");
    expect(first.channelData.slots).toMatchObject({ communeCode: "62119", serviceTypes: ["ALSH"] });
    const second = await ask(user, "et à Lillers ?");
    expect(second.channelData).toMatchObject({ intent: "services.find", slots: { communeCode: "62516", serviceTypes: ["ALSH"] } });
    const operator = await ask(user, "qui le gère ?");
    expect(operator.channelData.intent).toBe("service.operator");
    expect(operator.text).toMatch(/géré|gérés/);
    const funding = await ask(user, "et qui le finance ?");
    expect(funding.channelData.intent).toBe("service.funding");
    expect(funding.text).toMatch(/financé/);
    const contact = await ask(user, "c'est quoi leur numéro ?");
    expect(contact.channelData.intent).toBe("service.contact");
    expect(contact.text).toMatch(/03 53 48|tél/);
  });

  it("asks for the commune when it is missing, then answers with the next message", async () => {
    const user = newUser();
    const question = await ask(user, "Je cherche une crèche");
    expect(question.channelData.intent).toBe("clarify");
    expect(question.text).toMatch(/quelle commune/i);
    const answer = await ask(user, "à Auchel");
    expect(answer.channelData).toMatchObject({ intent: "services.find", slots: { communeCode: "62048", serviceTypes: ["EAJE", "MICRO_CRECHE"] } });
  });

  it("offers the nearest services with their distance when none matches in the commune", async () => {
    const { data } = await stack.query(`{ communes(first: 500) { code name services(types: [LAEP]) { id } } }`);
    const without = data.communes.find((c: { services: unknown[] }) => c.services.length === 0);
    const reply = await ask(newUser(), `lieu d'accueil enfants-parents à ${without.name}`);
    expect(reply.channelData.total).toBe(0);
    expect(reply.channelData.results).toEqual([]);
    expect(reply.channelData.suggestions.length).toBeGreaterThan(0);
    expect(reply.text).toMatch(/Les plus proches/);
    expect(reply.text).toMatch(/\d+(,\d)?\s?(km|m)\)/);
  });

  it("gives 3919, 17 and 119 with the EMERGENCY notice whenever violence is mentioned", async () => {
    const reply = await ask(newUser(), "mon mari me bat, j'ai peur");
    expect(reply.channelData.notice).toBe("EMERGENCY");
    expect(reply.text).toMatch(/3919/);
    expect(reply.text).toMatch(/\b17\b/);
    expect(reply.text).toMatch(/119/);
  });

  it("recognises a commune outside the territory and says so", async () => {
    const reply = await ask(newUser(), "Je cherche une crèche à Arras");
    expect(reply.channelData.notice).toBe("OUT_OF_TERRITORY");
    expect(reply.text).toMatch(/Arras ne fait pas partie des 100 communes/);
  });

  it("answers the CTG questions from the graph: signatories, engaged communes, bonus territoire", async () => {
    const signatories = await ask(newUser(), "Qui a signé la CTG ?");
    expect(signatories.channelData.results).toHaveLength(4);
    expect(signatories.text).toMatch(/3 février 2026/);
    const engaged = await ask(newUser(), "Combien de communes sont engagées dans la CTG ?");
    expect(engaged.text).toMatch(/\b82\b/);
    const bonus = await ask(newUser(), "Combien représente le bonus territoire ?");
    expect(bonus.text).toMatch(/3,8 millions d'euros/);
    expect(bonus.text).toMatch(/3,1 millions d'euros/);
  });
});

describe("bad input at the webhook", () => {
  it.each([
    ["an empty message", ""],
    ["a blank message", "   \n\t "],
    ["100 kB of text", "crèche ".repeat(14_300)],
    ["control characters", "cr\u0000\u0007èche\u001b[31m à Béthune\u0008"],
    ["emoji only", "👶🍼❓"],
    ["HTML and script", "<script>alert('x')</script><b>crèche</b> à Béthune"],
    ["another language", "Where can I find a nursery in London?"],
    ["null", null],
  ])("gives a polite French reply of bounded size to %s", async (_, text) => {
    const reply = await ask(newUser(), text);
    expect(reply.text.length).toBeGreaterThan(10);
    expect(reply.text.length).toBeLessThan(2_500);
    expect(reply.text).not.toMatch(/<script|Error|at .*\.ts/);
    expect(reply.text).toMatch(/[éèàç]|Je |Bonjour/);
  });

  it("refuses malformed JSON with 400 and a JSON error", async () => {
    const response = await fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"type": "message", "text": ' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "The request body is not valid JSON." });
  });

  it("refuses a text that is not a string with 400 and a precise error", async () => {
    const { status, body } = await bot.say(newUser(), 42);
    expect(status).toBe(400);
    expect(body.error).toBe("`text` must be a string.");
  });

  it("refuses a message without a conversation id with 400", async () => {
    const response = await fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: "message", text: "bonjour" }) });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/`user` must be the conversation id/);
  });

  it("refuses a body over the size limit with 413 instead of reading it", async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "message", user: "big", text: "x".repeat(300_000) }),
    });
    expect(response.status).toBe(413);
  });

  it("issues conversation ids from the server, and resumes only the ones it issued", async () => {
    const issued = await (await fetch(`${bot.url}/api/conversations`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).json();
    expect(issued.id).toMatch(/^[0-9a-f-]{36}$/);
    const resumed = await (await fetch(`${bot.url}/api/conversations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ resume: issued.id }) })).json();
    expect(resumed).toEqual({ id: issued.id, resumed: true });
    const forged = await (await fetch(`${bot.url}/api/conversations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ resume: "chosen-by-client" }) })).json();
    expect(forged.id).not.toBe("chosen-by-client");
  });
});

describe("when part of the hub fails", () => {
  it("says honestly that the directory cannot be reached, with UPSTREAM_UNAVAILABLE, when the gateway is down", async () => {
    const orphan = await startBot("http://127.0.0.1:9/graphql");
    try {
      const { body } = await orphan.say("lost", "Où trouver une crèche à Béthune ?");
      expect(body[0].channelData.notice).toBe("UPSTREAM_UNAVAILABLE");
      expect(body[0].text).toMatch(/Je n'arrive pas à joindre l'annuaire/);
      expect(body[0].text).not.toMatch(/ECONNREFUSED|fetch failed/);
    } finally {
      await orphan.close();
    }
  });

  it("answers the part it can, with UPSTREAM_UNAVAILABLE, when the funding subgraph is down", async () => {
    await stack.subgraphs.funding.stop();
    const reply = await ask(newUser(), "Qui finance la crèche de Béthune ?");
    expect(reply.channelData.notice).toBe("UPSTREAM_UNAVAILABLE");
    expect(reply.text).not.toMatch(/Error|ECONNREFUSED/);
    const find = await ask(newUser(), "Où trouver une crèche à Béthune ?");
    expect(find.channelData.total).toBeGreaterThan(0);
  });
});
