/**
 * Slot filling: combines what a message says with what the conversation said before, and
 * decides whether to answer, to ask for a missing piece, or to give the emergency numbers.
 */
import { communePartnerId } from "@ctg/territory-data/partners";
import type { ServiceType } from "@ctg/territory-data/vocabulary";
import type { Intent, Place, Understanding } from "../understanding/index.ts";
import { emptySlots, type AnswerIntent, type DialogueState, type Missing, type Slots } from "./state.ts";

export type Notice = "OUT_OF_TERRITORY" | "UNKNOWN_PLACE" | "EMERGENCY";
/** The `channelData.intent` of the reply (CONTRACT.md §4). */
export type ReplyIntent = Intent | "clarify";

interface ActionBase {
  intent: ReplyIntent;
  slots: Slots;
  notice: Notice | null;
  /** The place outside the territory or unknown, to name it in the reply. */
  place: Place | null;
  /** The resident's words for the partner, for `partners(search:)` when `slots.partnerId` is null. */
  partnerText: string | null;
  /** Other communes of the territory the resident's words could mean (a shared postal code, « Calonne »). */
  communeCandidates: string[];
}

export type Action =
  | (ActionBase & { kind: "answer"; intent: AnswerIntent })
  | (ActionBase & {
      kind: "clarify";
      intent: "clarify";
      missing: Missing;
      /** What will be answered once the missing piece comes. */
      pendingIntent: AnswerIntent;
      /** The commune the conversation was about before, to offer it. */
      suggestedCommuneCode: string | null;
    })
  /** Domestic violence or a child in danger: give 3919, 17 and 119, and the listening places of the commune if known. */
  | (ActionBase & { kind: "emergency"; intent: "services.find"; notice: "EMERGENCY" })
  | (ActionBase & { kind: "greeting" | "help" | "out_of_scope"; intent: "greeting" | "help" | "out_of_scope" });

export interface Decision {
  action: Action;
  nextState: DialogueState;
}

/** Intents whose slots a follow-up can reuse (« et à Lillers ? »). */
const SLOT_INTENTS: ReadonlySet<AnswerIntent> = new Set([
  "services.find",
  "service.operator",
  "service.funding",
  "service.contact",
  "partner.services",
  "ctg.engagement",
  "funding.summary",
]);
/** Questions about « it »: without a commune or a type, they are about what was just discussed. */
const ABOUT_A_SERVICE: ReadonlySet<AnswerIntent> = new Set(["service.operator", "service.funding", "service.contact"]);
/** Side questions that leave the conversation's subject as it was. */
const SIDE_QUESTIONS: ReadonlySet<AnswerIntent> = new Set(["ctg.about", "ctg.signatories"]);
const LISTENING_PLACES: ServiceType[] = ["ECOUTE_VIOLENCES_INTRAFAMILIALES"];
/** « la mairie », « le CCAS » with no commune: whose it is comes from the commune slot. */
const isBareMairie = (partnerText: string): boolean => /^(mairie|ccas)$/i.test(partnerText);

interface Context {
  slots: Slots;
  place: Place | null;
  partnerText: string | null;
}

export function decide(state: DialogueState, understanding: Understanding): Decision {
  const u = understanding;
  const turns = state.turns + 1;

  if (u.intent === "greeting" || u.intent === "help" || u.intent === "out_of_scope") {
    if (u.emergency) return emergency(state, u, turns);
    const action: Action = { kind: u.intent, intent: u.intent, slots: state.slots, notice: null, place: null, partnerText: null, communeCandidates: [] };
    return { action, nextState: { ...state, turns } };
  }
  if (u.emergency && u.intent === null) return emergency(state, u, turns);

  const { intent, base } = resolveIntent(state, u);
  const { slots, place, partnerText } = merge(base, u, intent);
  const candidates = u.commune && u.communeCode === slots.communeCode ? u.commune.candidates : [];
  const missing = missingSlot(intent, slots, place, partnerText);

  if (missing) {
    if (u.emergency) return emergency(state, u, turns);
    const action: Action = {
      kind: "clarify",
      intent: "clarify",
      missing,
      pendingIntent: intent,
      suggestedCommuneCode: missing === "commune" ? (state.slots.communeCode ?? null) : null,
      slots,
      notice: null,
      place,
      partnerText,
      communeCandidates: candidates,
    };
    return { action, nextState: { ...state, pending: { intent, missing, slots, place, partnerText }, turns } };
  }

  const notice: Notice | null = u.emergency ? "EMERGENCY" : !slots.communeCode && place ? place.status : null;
  const action: Action = { kind: "answer", intent, slots, notice, place, partnerText, communeCandidates: candidates };
  const nextState: DialogueState = SIDE_QUESTIONS.has(intent)
    ? { ...state, pending: null, turns }
    : { lastIntent: intent, slots, place, partnerText, pending: null, turns };
  return { action, nextState };
}

function resolveIntent(state: DialogueState, u: Understanding): { intent: AnswerIntent; base: Context | null } {
  const context: Context = { slots: state.slots, place: state.place, partnerText: state.partnerText };
  const pending: Context | null = state.pending
    ? { slots: state.pending.slots, place: state.pending.place, partnerText: state.pending.partnerText }
    : null;
  // « la crèche de Béthune » after « qui finance ? » answers the question asked.
  if (state.pending && (u.intent === null || (u.intent === "services.find" && u.intentFromSlotsOnly))) {
    return { intent: state.pending.intent, base: pending };
  }
  if (u.intent === null) {
    if (state.lastIntent && SLOT_INTENTS.has(state.lastIntent)) {
      const switchesToServices = u.serviceTypes.length > 0 && (state.lastIntent === "ctg.engagement" || state.lastIntent === "funding.summary");
      return { intent: switchesToServices ? "services.find" : state.lastIntent, base: context };
    }
    if (u.partner && !u.communeCode && u.serviceTypes.length === 0) return { intent: "partner.services", base: null };
    return { intent: "services.find", base: null };
  }
  const intent = u.intent as AnswerIntent;
  if (u.followUp && (state.lastIntent || pending)) return { intent, base: pending ?? context };
  if (state.pending?.intent === intent) return { intent, base: pending };
  if (ABOUT_A_SERVICE.has(intent) && !u.communeCode && !u.place) {
    const sameSubject = u.serviceTypes.length === 0 || u.serviceTypes.every((t) => state.slots.serviceTypes.includes(t));
    if (sameSubject && (u.partner === null || u.serviceTypes.length > 0)) return { intent, base: context };
  }
  return { intent, base: null };
}

function merge(base: Context | null, u: Understanding, intent: AnswerIntent): Context {
  const before = base?.slots ?? emptySlots();
  const communeCode = u.communeCode ?? (u.place ? null : before.communeCode);
  const place = u.communeCode ? null : (u.place ?? (communeCode ? null : (base?.place ?? null)));
  const serviceTypes = u.serviceTypes.length > 0 ? [...u.serviceTypes] : [...before.serviceTypes];
  let partnerId = u.partner ? u.partner.id : before.partnerId;
  const partnerText = u.partner ? u.partner.text : (base?.partnerText ?? null);
  // « que propose la mairie ? » then « à Lillers »: the mairie is Lillers'.
  if (!partnerId && partnerText && communeCode && isBareMairie(partnerText)) partnerId = communePartnerId(communeCode);
  const sameService = communeCode === before.communeCode && u.serviceTypes.length === 0 && !u.place;
  return {
    slots: {
      communeCode,
      serviceTypes,
      ageMonths: u.ageMonths ?? before.ageMonths,
      partnerId: intent === "services.find" && !u.partner ? null : partnerId,
      serviceId: sameService ? before.serviceId : null,
    },
    place,
    partnerText: intent === "services.find" && !u.partner ? null : partnerText,
  };
}

function missingSlot(intent: AnswerIntent, slots: Slots, place: Place | null, partnerText: string | null): Missing | null {
  const where = slots.communeCode !== null || place !== null || slots.serviceId !== null;
  switch (intent) {
    case "services.find":
      return slots.communeCode || place ? null : "commune";
    case "service.operator":
    case "service.funding":
      return where ? null : "commune";
    case "service.contact":
      if (slots.partnerId && slots.serviceTypes.length === 0) return null;
      if (!where) return "commune";
      return slots.serviceTypes.length === 0 && !slots.serviceId ? "serviceType" : null;
    case "partner.services":
      if (slots.partnerId) return null;
      if (!partnerText) return "partner";
      return isBareMairie(partnerText) ? "commune" : null;
    default:
      return null;
  }
}

function emergency(state: DialogueState, u: Understanding, turns: number): Decision {
  const communeCode = u.communeCode ?? (u.place ? null : state.slots.communeCode);
  const slots: Slots = { ...emptySlots(), communeCode, serviceTypes: [...LISTENING_PLACES] };
  const place = communeCode ? null : u.place;
  const action: Action = { kind: "emergency", intent: "services.find", slots, notice: "EMERGENCY", place, partnerText: null, communeCandidates: [] };
  const pending = communeCode || place ? null : { intent: "services.find" as const, missing: "commune" as const, slots, place: null, partnerText: null };
  return { action, nextState: { lastIntent: "services.find", slots, place, partnerText: null, pending, turns } };
}
