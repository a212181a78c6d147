import type { Action } from "../dialogue/index.ts";
import type { GatewayClient } from "../gateway-client.ts";
import { ctgAbout, ctgEngagement, ctgSignatories, fundingSummary, partnerServices } from "./ctg.ts";
import { findServices, serviceFunders, serviceOperators, type Partial } from "./services.ts";
import { clarification, greeting, help, outOfScope, outsideTerritory, EMERGENCY_NUMBERS, UPSTREAM_NOTE } from "./small-talk.ts";
import type { BotReply, ReplyNotice } from "./types.ts";

const none: Partial = { text: "", results: [], total: 0, suggestions: [], degraded: false };

/** Writes the reply to a decided action, every fact read from the gateway. */
export async function respond(action: Action, gateway: GatewayClient): Promise<BotReply> {
  const slots = { ...action.slots };
  let part: Partial = none;
  let notice: ReplyNotice | null = action.notice;

  switch (action.kind) {
    case "greeting":
      part = { ...none, text: greeting() };
      break;
    case "help":
      part = { ...none, text: help() };
      break;
    case "out_of_scope":
      part = { ...none, text: outOfScope() };
      break;
    case "clarify":
      part = { ...none, text: clarification(action) };
      break;
    case "emergency":
      part = slots.communeCode ? await findServices(gateway, slots, { contact: true }) : none;
      notice = "EMERGENCY";
      break;
    case "answer":
      if (action.place && !slots.communeCode && ["services.find", "service.operator", "service.funding", "service.contact"].includes(action.intent)) {
        part = { ...none, text: outsideTerritory(action.place, slots) };
        break;
      }
      switch (action.intent) {
        case "services.find":
          part = await findServices(gateway, slots);
          break;
        case "service.contact":
          part = await findServices(gateway, slots, { contact: true });
          break;
        case "service.operator":
          part = await serviceOperators(gateway, slots);
          break;
        case "service.funding":
          part = await serviceFunders(gateway, slots);
          break;
        case "partner.services": {
          const found = await partnerServices(gateway, slots, action.partnerText);
          slots.partnerId = found.partnerId;
          part = found;
          break;
        }
        case "ctg.about":
          part = await ctgAbout(gateway);
          break;
        case "ctg.signatories":
          part = await ctgSignatories(gateway);
          break;
        case "ctg.engagement":
          part = await ctgEngagement(gateway, slots);
          break;
        case "funding.summary":
          part = await fundingSummary(gateway);
          break;
      }
      break;
  }

  if (part.degraded && notice !== "EMERGENCY") notice = notice ?? "UPSTREAM_UNAVAILABLE";
  let text = part.degraded && part.results.length ? `${part.text}\n${UPSTREAM_NOTE}` : part.text;
  // Whatever else was asked, a message about violence or a child in danger gets the numbers first.
  if (notice === "EMERGENCY") text = [EMERGENCY_NUMBERS, text].filter(Boolean).join("\n\n");
  return {
    text,
    channelData: {
      intent: action.intent,
      slots,
      results: part.results,
      total: part.total,
      suggestions: part.suggestions,
      notice,
    },
  };
}
