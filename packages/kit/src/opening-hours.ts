import OpeningHours from "opening_hours";

export type HoursCheck = { ok: true; value: string } | { ok: false; reason: string };

const MAX_CACHED = 20_000;
const cache = new Map<string, HoursCheck>();

/**
 * Checks an OpenStreetMap opening_hours value with the reference parser. A value the parser reads
 * only after correcting it (« lundi 9h-12h ») comes back in its canonical form (« Mo 09:00-12:00 »).
 * Parsing costs about half a millisecond and listings repeat the same few values: results are cached.
 */
export function checkOpeningHours(raw: string): HoursCheck {
  const cached = cache.get(raw);
  if (cached) return cached;
  const result = parse(raw);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(raw, result);
  return result;
}

function parse(raw: string): HoursCheck {
  const value = raw.trim();
  try {
    const hours = new OpeningHours(value, null, { mode: 0, tag_key: "opening_hours", map_value: false, warnings_severity: 4, locale: "en" });
    return { ok: true, value: hours.getWarnings().length ? hours.prettifyValue() : value };
  } catch (error) {
    const reason = String(error instanceof Error ? error.message : error).split("\n")[0].trim();
    return { ok: false, reason: `not in OpenStreetMap opening_hours syntax (${reason})` };
  }
}
