/** A child's age in months (« 8 mois » → 8, « 3 ans » → 36, « 1 an et demi » → 18). */
import { isNumber, type Token } from "./text.ts";

const NUMBER_WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20,
};
const YEARS = new Set(["an", "ans", "annee", "annees", "a"]);
const MONTHS = new Set(["mois", "moi"]);
const WEEKS = new Set(["semaine", "semaines", "sem"]);
/** « depuis 3 ans », « dans 2 ans », « il y a 2 ans »: a duration, not an age. */
const DURATION_BEFORE = new Set(["depuis", "pendant", "dans", "durant", "sur", "prochain", "prochains", "derniers"]);

export interface AgeFound {
  months: number;
  from: number;
  to: number;
}

function numberAt(tokens: readonly Token[], i: number): { value: number; to: number } | null {
  const t = tokens[i];
  if (isNumber(t)) return t.norm.length <= 2 ? { value: Number(t.norm), to: i + 1 } : null;
  const value = NUMBER_WORDS[t.norm];
  if (value === undefined) return null;
  // « dix-sept », « dix-huit », « dix-neuf »
  if (value === 10 && i + 1 < tokens.length && ["sept", "huit", "neuf"].includes(tokens[i + 1].norm)) {
    return { value: 10 + NUMBER_WORDS[tokens[i + 1].norm], to: i + 2 };
  }
  return { value, to: i + 1 };
}

export function findAge(tokens: readonly Token[]): AgeFound | null {
  for (let i = 0; i < tokens.length; i++) {
    const n = numberAt(tokens, i);
    if (!n || n.to >= tokens.length) continue;
    let unitAt = n.to;
    // « 3 et 5 ans »: the first child's age.
    if (tokens[unitAt].norm === "et" && unitAt + 2 < tokens.length && numberAt(tokens, unitAt + 1)) unitAt = numberAt(tokens, unitAt + 1)!.to;
    const unit = tokens[unitAt].norm;
    // « 3a » is three years only when glued to its number.
    const isYears = YEARS.has(unit) && (unit !== "a" || tokens[unitAt].start === tokens[i].start);
    const isMonths = MONTHS.has(unit);
    const isWeeks = WEEKS.has(unit);
    if (!isYears && !isMonths && !isWeeks) continue;
    if (i > 0 && DURATION_BEFORE.has(tokens[i - 1].norm)) continue;
    if (i > 1 && tokens[i - 2].norm === "y" && tokens[i - 1].norm === "a") continue;
    let months = isYears ? n.value * 12 : isMonths ? n.value : Math.floor((n.value * 7) / 30.44);
    let to = unitAt + 1;
    // « 1 an et demi », « 2 ans et 3 mois »
    if (isYears && tokens[to]?.norm === "et") {
      if (tokens[to + 1]?.norm === "demi" || tokens[to + 1]?.norm === "demie") {
        months += 6;
        to += 2;
      } else {
        const extra = to + 1 < tokens.length ? numberAt(tokens, to + 1) : null;
        if (extra && extra.to < tokens.length && MONTHS.has(tokens[extra.to].norm)) {
          months += extra.value;
          to = extra.to + 1;
        }
      }
    } else if (isYears && tokens[to] && isNumber(tokens[to]) && tokens[to + 1] && MONTHS.has(tokens[to + 1].norm)) {
      months += Number(tokens[to].norm);
      to += 2;
    }
    return { months, from: i, to };
  }
  return null;
}
