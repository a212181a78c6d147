/** From a resident's message to what it asks and the slots it carries. */
import type { ServiceType } from "@ctg/territory-data/vocabulary";
import { findAge } from "./age.ts";
import { isEmergency } from "./emergency.ts";
import { classifyIntent, isFollowUp, type Intent } from "./intent.ts";
import { findCommunePartner, findInstitution } from "./partners.ts";
import { findPlaces, preparePlaces, type CommuneMatch, type Place } from "./places.ts";
import { findServiceTypes } from "./service-types.ts";
import { correctSpelling } from "./spelling.ts";
import { tokenize } from "./text.ts";

export interface Understanding {
  text: string;
  /** null: the message only carries slots (« à Auchel », « 3 ans », « et à Lillers ? »); the dialogue decides. */
  intent: Intent | null;
  /**
   * The intent was inferred from the slots alone (« la crèche de Béthune » → services.find), not
   * asked for: an answer to a pending question rather than a new one.
   */
  intentFromSlotsOnly: boolean;
  /** INSEE code of one of the 100 communes of the territory. */
  communeCode: string | null;
  /** How the commune was recognised, and the other communes the words could mean. */
  commune: CommuneMatch | null;
  /** A place named that is not one of the 100 communes. */
  place: Place | null;
  /** In the vocabulary table's order. */
  serviceTypes: ServiceType[];
  ageMonths: number | null;
  partner: { id: string | null; text: string } | null;
  /** Domestic violence or a child in danger: the answer must give 3919, 17 and 119. */
  emergency: boolean;
  /** The message leans on the previous one (« et à Lillers ? », « qui le finance ? »). */
  followUp: boolean;
}

/** Builds the place indexes now (≈35 000 French communes) instead of on the first message. */
export function prepareUnderstanding(): void {
  preparePlaces();
}

export function understand(text: string): Understanding {
  const tokens = correctSpelling(tokenize(text));
  const consumed = new Set<number>();
  const usable = (i: number): boolean => !consumed.has(i);
  const consume = (from: number, to: number): void => {
    for (let k = from; k < to; k++) consumed.add(k);
  };

  const services = findServiceTypes(tokens);
  for (const m of services.matches) consume(m.from, m.to);
  const institution = findInstitution(text, tokens, usable);
  if (institution) consume(institution.from, institution.to);
  const age = findAge(tokens);
  if (age) consume(age.from, age.to);
  const { commune, place } = findPlaces(text, tokens, usable);
  const partner = institution ?? findCommunePartner(text, tokens, commune);

  const folded = tokens.map((t) => t.norm).join(" ");
  const followUp = isFollowUp(folded);
  // Before and after spelling correction: « viole » must not become « ville » and slip through.
  const emergency = isEmergency(` ${folded} `) || isEmergency(` ${tokens.map((t) => t.original).join(" ")} `);
  let { intent, fromSlotsOnly } = classifyIntent(folded, tokens, {
    hasServiceTypes: services.types.length > 0,
    hasCommune: commune !== null,
    hasPlace: place !== null,
    hasAge: age !== null,
    hasInstitution: institution !== null,
    hasPartner: partner !== null,
    followUp,
  });
  if (emergency && (intent === "out_of_scope" || intent === "greeting" || intent === "help")) intent = null;

  return {
    text,
    intent,
    intentFromSlotsOnly: fromSlotsOnly,
    communeCode: commune?.code ?? null,
    commune,
    place,
    serviceTypes: services.types,
    ageMonths: age?.months ?? null,
    partner: partner ? { id: partner.id, text: partner.text } : null,
    emergency,
    followUp,
  };
}
