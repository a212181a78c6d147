import { respond } from "./answers/index.ts";
import type { BotReply } from "./answers/types.ts";
import type { ConversationStore } from "./conversation-store.ts";
import { decide, emptySlots, type Decision } from "./dialogue/index.ts";
import type { GatewayClient } from "./gateway-client.ts";
import { understand, type Understanding } from "./understanding/index.ts";

/** Longer messages are read up to here: a question fits, a pasted document does not. */
export const MAX_UNDERSTOOD_CHARS = 500;

export interface Turn {
  reply: BotReply;
  understanding: Understanding | null;
  decision: Decision | null;
}

/** Control characters and invisible formatting removed, spaces folded. */
export function cleanText(input: unknown): string {
  if (typeof input !== "string") return "";
  return input
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, " ")
    .replace(/<[^>]{0,200}>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const EMPTY_REPLY = (): BotReply => ({
  text: "Je n'ai pas reçu de question. Écrivez-moi par exemple « Où trouver une crèche à Béthune ? »",
  channelData: {
    intent: "help",
    slots: emptySlots(),
    results: [],
    total: 0,
    suggestions: [],
    notice: null,
  },
});

/**
 * One message of one conversation: understand, decide with the conversation's context, answer
 * from the gateway, remember. Messages of a conversation are handled one at a time, in order.
 */
export function createConversations(deps: { store: ConversationStore; gateway: GatewayClient }) {
  const queues = new Map<string, Promise<unknown>>();

  async function handle(conversationId: string, rawText: unknown): Promise<Turn> {
    const cleaned = cleanText(rawText);
    if (!cleaned) return { reply: EMPTY_REPLY(), understanding: null, decision: null };
    const text = cleaned.length > MAX_UNDERSTOOD_CHARS ? cleaned.slice(0, MAX_UNDERSTOOD_CHARS) : cleaned;
    const state = await deps.store.load(conversationId);
    const understanding = understand(text);
    const decision = decide(state, understanding);
    const reply = await respond(decision.action, deps.gateway);
    await deps.store.save(conversationId, decision.nextState);
    return { reply, understanding, decision };
  }

  return {
    handle(conversationId: string, text: unknown): Promise<Turn> {
      const previous = queues.get(conversationId) ?? Promise.resolve();
      const turn = previous.catch(() => {}).then(() => handle(conversationId, text));
      queues.set(conversationId, turn);
      void turn.finally(() => {
        if (queues.get(conversationId) === turn) queues.delete(conversationId);
      });
      return turn;
    },
  };
}

export type Conversations = ReturnType<typeof createConversations>;
