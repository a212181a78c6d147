/** Service types named in a message, from the shared vocabulary table (CONTRACT.md §5). */
import { SERVICE_VOCABULARY, type ServiceType } from "@ctg/territory-data/vocabulary";
import { PhraseMatcher, type PhraseMatch } from "./phrase-matcher.ts";
import type { Token } from "./text.ts";

/** « jeunes » is about young people, except in « jeunes enfants », « jeunes parents »… */
const NOT_YOUTH_AFTER = ["enfant", "enfants", "parent", "parents", "maman", "mamans", "papa", "papas", "mere", "pere", "bebe", "bebes", "couple", "couples"];
const BLOCKERS: Record<string, readonly string[]> = { jeunes: NOT_YOUTH_AFTER, jeune: NOT_YOUTH_AFTER, ados: [], ado: [] };

const matcher = new PhraseMatcher<readonly ServiceType[]>();
SERVICE_VOCABULARY.forEach((row, order) => {
  for (const word of row.words) matcher.add(word, row.types, order, BLOCKERS[word.toLowerCase()] ?? []);
});

/** Every word of the vocabulary (stemmed): known words, and targets of spelling correction. */
export const SERVICE_WORDS: ReadonlySet<string> = matcher.vocabulary;

export interface ServiceTypesFound {
  types: ServiceType[];
  matches: PhraseMatch<readonly ServiceType[]>[];
}

export function findServiceTypes(tokens: readonly Token[], usable?: (index: number) => boolean): ServiceTypesFound {
  const matches = matcher.match(tokens, usable);
  const types: ServiceType[] = [];
  for (const m of matches) for (const t of m.value) if (!types.includes(t)) types.push(t);
  return { types, matches };
}
