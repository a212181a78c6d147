/**
 * Finds known multi-word phrases in a message, the way residents write them: function words are
 * ignored (« centre DE loisirs » = « centre loisirs »), one extra word may slip in (« aide pour
 * FAIRE mes papiers »), words may be glued (« microcreche »). Where phrases overlap, the longest
 * wins, so « micro-crèche » is not also a « crèche ».
 */
import { FUNCTION_WORDS } from "./lexicon.ts";
import { fold, keepNonOverlapping, stem, type Token } from "./text.ts";

export interface PhraseMatch<T> {
  value: T;
  /** Token range [from, to). */
  from: number;
  to: number;
  /** Rank of the phrase's entry, to return matches in the table's order. */
  order: number;
}

interface Phrase<T> {
  words: string[];
  value: T;
  order: number;
  /** The phrase does not count when its last word is followed by one of these (« jeunes ENFANTS »). */
  unlessFollowedBy: ReadonlySet<string>;
}

const MAX_SLIPPED_WORDS = 1;

function phraseWords(phrase: string): string[] {
  return (fold(phrase).match(/[a-z]+|[0-9]+/g) ?? []).filter((w) => !FUNCTION_WORDS.has(w)).map(stem);
}

export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, Phrase<T>[]>();
  readonly vocabulary = new Set<string>();

  add(phrase: string, value: T, order: number, unlessFollowedBy: readonly string[] = []): void {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    const blockers = new Set(unlessFollowedBy.map((w) => stem(fold(w))));
    this.insert({ words, value, order, unlessFollowedBy: blockers });
    if (words.length > 1) this.insert({ words: [words.join("")], value, order, unlessFollowedBy: blockers });
  }

  private insert(phrase: Phrase<T>): void {
    for (const w of phrase.words) this.vocabulary.add(w);
    const list = this.byFirstWord.get(phrase.words[0]) ?? [];
    list.push(phrase);
    this.byFirstWord.set(phrase.words[0], list);
  }

  /** Non-overlapping matches among the tokens `usable` allows, in the order of their entries. */
  match(tokens: readonly Token[], usable: (index: number) => boolean = () => true): PhraseMatch<T>[] {
    const candidates: (PhraseMatch<T> & { size: number })[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (!usable(i)) continue;
      for (const phrase of this.byFirstWord.get(tokens[i].stem) ?? []) {
        const to = this.matchRest(tokens, usable, phrase, i);
        if (to !== null) candidates.push({ value: phrase.value, from: i, to, order: phrase.order, size: phrase.words.length });
      }
    }
    candidates.sort((a, b) => b.size - a.size || a.to - a.from - (b.to - b.from) || a.from - b.from);
    return keepNonOverlapping(candidates)
      .map(({ value, from, to, order }) => ({ value, from, to, order }))
      .sort((a, b) => a.order - b.order || a.from - b.from);
  }

  private matchRest(tokens: readonly Token[], usable: (index: number) => boolean, phrase: Phrase<T>, start: number): number | null {
    let position = start + 1;
    let slipped = 0;
    for (let w = 1; w < phrase.words.length; w++) {
      let found = false;
      while (position < tokens.length && usable(position)) {
        const token = tokens[position++];
        if (token.stem === phrase.words[w]) {
          found = true;
          break;
        }
        if (FUNCTION_WORDS.has(token.norm)) continue;
        if (++slipped > MAX_SLIPPED_WORDS) return null;
      }
      if (!found) return null;
    }
    if (phrase.unlessFollowedBy.size > 0) {
      let next = position;
      while (next < tokens.length && FUNCTION_WORDS.has(tokens[next].norm)) next++;
      if (next < tokens.length && phrase.unlessFollowedBy.has(tokens[next].stem)) return null;
    }
    return position;
  }
}
