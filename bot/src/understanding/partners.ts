/** Partners named in a message (« la CAF », « le SIVOM du Bruaysis », « la mairie de Béthune »). */
import { communePartnerId, institutions } from "@ctg/territory-data/partners";
import { PhraseMatcher } from "./phrase-matcher.ts";
import { FUNCTION_WORDS } from "./lexicon.ts";
import { rawSpan, type Token } from "./text.ts";

export interface PartnerMention {
  /** A partner id of the reference records, or null when the words name no single one (« le SIVOM »). */
  id: string | null;
  /** The resident's words, for `partners(search:)`. */
  text: string;
  from: number;
  to: number;
}

/** Names residents use beyond the records' aliases. */
const MORE_ALIASES: Record<string, readonly string[]> = {
  cabbalr: ["agglo de Béthune-Bruay", "Béthune-Bruay Artois-Lys Romane", "Artois Lys Romane", "intercommunalité", "interco", "communauté d'agglo"],
  "caf-pas-de-calais": ["allocations familiales", "CAF 62", "CAF Pas-de-Calais"],
  "departement-pas-de-calais": ["Pas-de-Calais", "conseil général", "département 62"],
  "msa-nord-pas-de-calais": ["MSA Nord"],
  "sivom-bruaysis": ["SIVOM Bruay-la-Buissière", "SIVOM Bruaysis"],
  "sivom-bethunois": ["SIVOM Béthunois"],
  "sivom-artois": ["SIVOM Artois"],
};

const matcher = new PhraseMatcher<string | null>();
institutions.forEach((partner, order) => {
  for (const name of [partner.name, ...partner.aliases, ...(MORE_ALIASES[partner.id] ?? [])]) matcher.add(name, partner.id, order);
});
matcher.add("SIVOM", null, institutions.length);

export const PARTNER_WORDS: ReadonlySet<string> = matcher.vocabulary;

/** Words that make the commune named next a partner (« la MAIRIE de Béthune »). */
const COMMUNE_AS_PARTNER = new Set(["mairie", "ville", "commune", "municipalite", "ccas"]);
const PARTNER_ALONE = new Set(["mairie", "ccas"]);

export function findInstitution(text: string, tokens: readonly Token[], usable: (index: number) => boolean): PartnerMention | null {
  const [first] = matcher.match(tokens, usable).sort((a, b) => a.from - b.from);
  return first ? { id: first.value, text: rawSpan(text, tokens, first.from, first.to), from: first.from, to: first.to } : null;
}

/** « la mairie de Béthune », « la ville de Lillers »: the commune as a partner; « la mairie » alone has no id. */
export function findCommunePartner(
  text: string,
  tokens: readonly Token[],
  commune: { code: string; from: number; to: number } | null,
): PartnerMention | null {
  const word = tokens.findIndex((t) => COMMUNE_AS_PARTNER.has(t.norm));
  if (word < 0) return null;
  if (commune && commune.from > word) {
    let k = word + 1;
    while (k < commune.from && FUNCTION_WORDS.has(tokens[k].norm)) k++;
    if (k === commune.from) return { id: communePartnerId(commune.code), text: rawSpan(text, tokens, word, commune.to), from: word, to: commune.to };
  }
  if (!PARTNER_ALONE.has(tokens[word].norm)) return null;
  return { id: commune ? communePartnerId(commune.code) : null, text: tokens[word].raw, from: word, to: word + 1 };
}
