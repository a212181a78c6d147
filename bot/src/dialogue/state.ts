/** What a conversation remembers between two messages. Plain JSON: it is stored in Redis. */
import type { ServiceType } from "@ctg/territory-data/vocabulary";
import type { Intent, Place } from "../understanding/index.ts";

/** Intents answered from the graph with slots. */
export type AnswerIntent = Exclude<Intent, "greeting" | "help" | "out_of_scope">;

export interface Slots {
  communeCode: string | null;
  serviceTypes: ServiceType[];
  ageMonths: number | null;
  partnerId: string | null;
  serviceId: string | null;
}

export type Missing = "commune" | "serviceType" | "partner";

export interface PendingClarification {
  intent: AnswerIntent;
  missing: Missing;
  slots: Slots;
  place: Place | null;
  partnerText: string | null;
}

export interface DialogueState {
  /** The last intent answered (not a greeting, help or clarification). */
  lastIntent: AnswerIntent | null;
  slots: Slots;
  /** The place outside the territory (or unknown) the conversation is about, when no commune is. */
  place: Place | null;
  /** The resident's words for the partner, for `partners(search:)` when no id was recognised. */
  partnerText: string | null;
  /** The question the bot is waiting to complete. */
  pending: PendingClarification | null;
  turns: number;
}

export const emptySlots = (): Slots => ({ communeCode: null, serviceTypes: [], ageMonths: null, partnerId: null, serviceId: null });

export function initialDialogueState(): DialogueState {
  return { lastIntent: null, slots: emptySlots(), place: null, partnerText: null, pending: null, turns: 0 };
}

/**
 * Remembers the one service an answer was about, so that « c'est quoi leur numéro ? » or
 * « qui le finance ? » can be answered about it.
 */
export function focusOnService(state: DialogueState, serviceId: string | null): DialogueState {
  return { ...state, slots: { ...state.slots, serviceId } };
}
