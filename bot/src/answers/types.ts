import type { Slots } from "../dialogue/state.ts";
import type { ReplyIntent } from "../dialogue/index.ts";

export type ReplyNotice = "OUT_OF_TERRITORY" | "UNKNOWN_PLACE" | "UPSTREAM_UNAVAILABLE" | "EMERGENCY";

export interface EntityRef {
  type: "Service" | "Partner" | "Commune" | "Convention";
  id: string;
}

/** The `channelData` of every reply (CONTRACT.md §4). */
export interface ChannelData {
  intent: ReplyIntent;
  slots: Slots;
  /** What the answer is about, at most 10. */
  results: EntityRef[];
  /** The full count of what the answer is about. */
  total: number;
  /** Where nothing matches in the commune: the nearest matching services. */
  suggestions: EntityRef[];
  notice: ReplyNotice | null;
}

export interface BotReply {
  text: string;
  channelData: ChannelData;
}

export const MAX_RESULTS = 10;
