/**
 * Turning a resident's message into comparable tokens: lower case, no accents, « œ » → « oe »,
 * apostrophes and hyphens as separators, letters split from digits (« 4ans » → « 4 ans »),
 * and the usual SMS forms rewritten to plain French (lexicon.ts).
 */
import { SMS_FORMS } from "./lexicon.ts";
import { stem } from "./stem.ts";

export { stem };

export interface Token {
  /** Folded and canonical form (« Crèche » → « creche », « bb » → « bebe »). */
  norm: string;
  /** `norm` without a plural ending, the form dictionaries are keyed by. */
  stem: string;
  /** `norm` before spelling correction: place names are read from it (« Divion » typed « divon »). */
  original: string;
  /** The resident's word as typed (shared by the tokens an SMS form expands into). */
  raw: string;
  start: number;
  end: number;
  /** Typed with a capital first letter (a hint that a word is a place name). */
  capitalized: boolean;
  /** Typed with accents or ligatures (« âmes » is not the commune « Ames »). */
  accented: boolean;
}

export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

const WORD = /[\p{L}\p{M}\p{N}°]+/gu;
const LETTERS_OR_DIGITS = /\p{N}+|[^\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = match.index ?? 0;
    const end = start + raw.length;
    const capitalized = /^\p{Lu}/u.test(raw);
    const accented = /[^\u0000-\u007f]/.test(raw.replace(/°/g, ""));
    const folded = fold(raw);
    if (folded === "n°" || folded === "no°") {
      tokens.push(makeToken("numero", raw, start, end, capitalized, accented));
      continue;
    }
    for (const part of folded.replace(/°/g, "").match(LETTERS_OR_DIGITS) ?? []) {
      const expansion = SMS_FORMS.get(part);
      for (const norm of expansion ?? [part]) tokens.push(makeToken(norm, raw, start, end, capitalized, accented));
    }
  }
  return tokens;
}

function makeToken(norm: string, raw: string, start: number, end: number, capitalized: boolean, accented: boolean): Token {
  return { norm, stem: stem(norm), original: norm, raw, start, end, capitalized, accented };
}

/** The resident's own words covering tokens [from, to). */
export function rawSpan(text: string, tokens: readonly Token[], from: number, to: number): string {
  return text.slice(tokens[from].start, tokens[to - 1].end);
}

/**
 * Token ranges [from, to) that do not overlap, taken in the given order (best first): a range is
 * kept when none of its tokens is in a range kept before it.
 */
export function keepNonOverlapping<R extends { from: number; to: number }>(ranked: readonly R[]): R[] {
  const taken = new Set<number>();
  const kept: R[] = [];
  for (const r of ranked) {
    let free = true;
    for (let k = r.from; k < r.to && free; k++) free = !taken.has(k);
    if (!free) continue;
    for (let k = r.from; k < r.to; k++) taken.add(k);
    kept.push(r);
  }
  return kept;
}

export function isNumber(token: Token): boolean {
  return /^\d+$/.test(token.norm);
}
