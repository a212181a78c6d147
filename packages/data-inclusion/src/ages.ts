import { normalizeName } from "@ctg/kit/text";

/**
 * Ages in months (the hub) ↔ French words in `publics_precisions` (data·inclusion has no age field).
 * Years count whole: « jusqu'à 5 ans » means up to the day before the 6th birthday (71 months), as
 * in « de 3 à 11 ans ». The hub writes the forms it reads, so ages survive an export and re-import.
 */
export interface AgeRange {
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
}

const lower = (months: number): string =>
  months === 0 ? "la naissance" : months % 12 === 0 ? `${months / 12} ans` : `${months} mois`;
const upper = (months: number): string => ((months + 1) % 12 === 0 ? `${(months + 1) / 12 - 1} ans` : `${months} mois`);

export function formatAgeRange({ ageMinMonths: min, ageMaxMonths: max }: AgeRange): string | null {
  if (min === null && max === null) return null;
  if (min === null) return `Jusqu'à ${upper(max!)}.`;
  if (max === null) return `À partir de ${lower(min)}.`;
  return `De ${lower(min)} à ${upper(max)}.`;
}

const AMOUNT = String.raw`(la naissance|\d+ (?:mois|ans?))`;
const months = (amount: string, bound: "lower" | "upper"): number => {
  if (amount === "la naissance") return 0;
  const [n, unit] = amount.split(" ");
  const value = Number(n);
  if (unit === "mois") return value;
  return bound === "lower" ? value * 12 : value * 12 + 11;
};

/** The age range said in free French text, or null when it says none the hub can read. */
export function parseAgeRange(text: string | null | undefined): AgeRange | null {
  if (!text) return null;
  const t = normalizeName(text);
  let match = new RegExp(String.raw`\bde (?:l age de )?${AMOUNT} (?:a|jusqu a) ${AMOUNT}`).exec(t);
  if (match) return { ageMinMonths: months(match[1], "lower"), ageMaxMonths: months(match[2], "upper") };
  match = /\bde (\d+) a (\d+) (mois|ans?)\b/.exec(t);
  if (match) return { ageMinMonths: months(`${match[1]} ${match[3]}`, "lower"), ageMaxMonths: months(`${match[2]} ${match[3]}`, "upper") };
  match = new RegExp(String.raw`\bjusqu a ${AMOUNT}`).exec(t);
  if (match) return { ageMinMonths: null, ageMaxMonths: months(match[1], "upper") };
  match = /\bmoins de (\d+) (mois|ans?)\b/.exec(t);
  if (match) return { ageMinMonths: null, ageMaxMonths: match[2] === "mois" ? Number(match[1]) - 1 : Number(match[1]) * 12 - 1 };
  match = new RegExp(String.raw`\ba partir de ${AMOUNT}`).exec(t);
  if (match) return { ageMinMonths: months(match[1], "lower"), ageMaxMonths: null };
  return null;
}
