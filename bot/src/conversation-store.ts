import { Redis } from "ioredis";
import { initialDialogueState, type DialogueState } from "./dialogue/state.ts";

/** Where each conversation's dialogue state lives between two messages. */
export interface ConversationStore {
  load(id: string): Promise<DialogueState>;
  save(id: string, state: DialogueState): Promise<void>;
  /** Records a conversation id the server issued (web chat). */
  issue(id: string): Promise<void>;
  isIssued(id: string): Promise<boolean>;
  close(): Promise<void>;
  readonly kind: "memory" | "redis";
}

/** Conversations are forgotten after a day without a message. */
export const CONVERSATION_TTL_SECONDS = 24 * 3600;
const MAX_IN_MEMORY = 50_000;

export function memoryStore(): ConversationStore {
  const states = new Map<string, { state: DialogueState; at: number }>();
  const issued = new Map<string, number>();
  const fresh = (at: number) => Date.now() - at < CONVERSATION_TTL_SECONDS * 1000;
  const trim = <V>(map: Map<string, V>) => {
    // Maps keep insertion order: the oldest conversations go first.
    while (map.size > MAX_IN_MEMORY) map.delete(map.keys().next().value as string);
  };
  return {
    kind: "memory",
    async load(id) {
      const entry = states.get(id);
      return entry && fresh(entry.at) ? structuredClone(entry.state) : initialDialogueState();
    },
    async save(id, state) {
      states.delete(id);
      states.set(id, { state: structuredClone(state), at: Date.now() });
      trim(states);
    },
    async issue(id) {
      issued.set(id, Date.now());
      trim(issued);
    },
    async isIssued(id) {
      const at = issued.get(id);
      return at !== undefined && fresh(at);
    },
    async close() {},
  };
}

/** Shared state so that several bot processes can serve one conversation. */
export function redisStore(url: string): ConversationStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false });
  redis.on("error", () => {
    // Reported by the failing command itself; an idle disconnect must not crash the bot.
  });
  const key = (id: string) => `ctg:bot:conversation:${id}`;
  const issuedKey = (id: string) => `ctg:bot:issued:${id}`;
  return {
    kind: "redis",
    async load(id) {
      const raw = await redis.get(key(id));
      return raw ? (JSON.parse(raw) as DialogueState) : initialDialogueState();
    },
    async save(id, state) {
      await redis.set(key(id), JSON.stringify(state), "EX", CONVERSATION_TTL_SECONDS);
    },
    async issue(id) {
      await redis.set(issuedKey(id), "1", "EX", CONVERSATION_TTL_SECONDS);
    },
    async isIssued(id) {
      return (await redis.exists(issuedKey(id))) === 1;
    },
    async close() {
      redis.disconnect();
    },
  };
}

export function storeFromEnv(env = process.env): ConversationStore {
  return env.REDIS_URL ? redisStore(env.REDIS_URL) : memoryStore();
}
