import { describe, expect, it } from "vitest";
import { devQuestionsPath, readConversations } from "../eval/score.ts";
import { decide, initialDialogueState, type DialogueState } from "../src/dialogue/index.ts";
import { understand } from "../src/understanding/index.ts";

const conversations = readConversations(devQuestionsPath());

/** The partners `partners(search:)` ranks first for the dev set's searches (checked live by the eval). */
const PARTNER_IDS: Record<string, string> = {
  "SIVOM du Bruaysis": "sivom-bruaysis",
  "CAF du Pas-de-Calais": "caf-pas-de-calais",
};

describe("the dev question set, replayed through understand() and decide()", () => {
  it("has its 64 conversations", () => {
    expect(conversations).toHaveLength(64);
  });

  it.each(conversations.map((c) => [c.id, c] as const))("passes conversation %s on every turn", (_id, conversation) => {
    let state: DialogueState = initialDialogueState();
    for (const turn of conversation.turns) {
      const { action, nextState } = decide(state, understand(turn.text));
      state = JSON.parse(JSON.stringify(nextState)) as DialogueState;
      const reply = { intent: action.intent, slots: action.slots, notice: action.notice };
      const e = turn.expect;
      const where = `« ${turn.text} »`;
      if (e.intent !== undefined) expect([e.intent].flat(), where).toContain(reply.intent);
      if (e.communeCode !== undefined) expect(reply.slots.communeCode, where).toBe(e.communeCode);
      if (e.serviceTypes !== undefined) expect(new Set(reply.slots.serviceTypes), where).toEqual(new Set(e.serviceTypes));
      if (e.ageMonths !== undefined) expect(reply.slots.ageMonths, where).toBe(e.ageMonths);
      if (e.notice !== undefined) expect(reply.notice, where).toBe(e.notice);
      if (e.partnerSearch !== undefined) expect(reply.slots.partnerId, where).toBe(PARTNER_IDS[e.partnerSearch]);
    }
  });
});
