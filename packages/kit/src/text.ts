/**
 * The one normalisation of French names for matching, used by the subgraphs' search and the bot:
 * lower case, no accents, œ/æ spelled out, hyphens and apostrophes as spaces, « St(e) » as « saint(e) ».
 */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[-'’_.,;:!?()"«»/]/g, " ")
    .replace(/\bste\b/g, "sainte")
    .replace(/\bst\b/g, "saint")
    .replace(/\s+/g, " ")
    .trim();
}
