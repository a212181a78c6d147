import { SERVICE_TYPES, type ServiceType } from "@ctg/territory-data/vocabulary";

/** « A », « A et B », « A, B et C ». */
export function frenchList(items: readonly string[], conjunction = "et"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** What residents call these types, plural: « crèches (multi-accueils) ou micro-crèches ». */
export function typesLabel(types: readonly ServiceType[], count = 2): string {
  if (!types.length) return count === 1 ? "service" : "services";
  const key = count === 1 ? "label" : "plural";
  return frenchList(types.map((t) => SERVICE_TYPES[t][key]), "ou");
}

const NBSP = "\u202f";

/** An exact euro amount as French text, from its decimal string: « 3 800 000 € », « 1 250,50 € ». */
export function euros(amount: string): string {
  const [units, cents = "00"] = amount.replace(/^-/, "").split(".");
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const sign = amount.startsWith("-") ? "−" : "";
  return cents === "00" ? `${sign}${grouped}${NBSP}€` : `${sign}${grouped},${cents.padEnd(2, "0")}${NBSP}€`;
}

/** Large amounts as residents say them: « 3,8 millions d'euros ». Digits only, no float. */
export function millions(amount: string): string {
  const units = amount.split(".")[0].replace(/^-/, "");
  if (units.length < 7) return euros(amount);
  const whole = units.slice(0, -6);
  const tenths = units.slice(-6, -5);
  return `${whole}${tenths === "0" ? "" : `,${tenths}`} million${whole === "1" && tenths === "0" ? "" : "s"} d'euros`;
}

const DAYS: Record<string, string> = { Mo: "lundi", Tu: "mardi", We: "mercredi", Th: "jeudi", Fr: "vendredi", Sa: "samedi", Su: "dimanche" };
const time = (t: string) => {
  const [h, m] = t.split(":");
  return `${Number(h)}${NBSP}h${m === "00" ? "" : ` ${m}`}`;
};

function daysText(spec: string): string | null {
  const parts = spec.split(",").map((part) => {
    const range = part.match(/^(Mo|Tu|We|Th|Fr|Sa|Su)-(Mo|Tu|We|Th|Fr|Sa|Su)$/);
    if (range) return `du ${DAYS[range[1]]} au ${DAYS[range[2]]}`;
    return DAYS[part] ? `le ${DAYS[part]}` : null;
  });
  return parts.includes(null) ? null : frenchList(parts as string[]);
}

/**
 * OpenStreetMap opening_hours in French for the common forms (« Mo-Fr 07:00-18:30; We 09:00-12:00 »
 * → « du lundi au vendredi de 7 h à 18 h 30 ; le mercredi de 9 h à 12 h »); other forms as written.
 */
export function openingHoursText(value: string | null | undefined): string | null {
  if (!value) return null;
  const rules = value.split(";").map((rule) => {
    const m = rule.trim().match(/^([A-Za-z,-]+)\s+((?:\d{2}:\d{2}-\d{2}:\d{2},?)+)$/);
    if (!m) return null;
    const days = daysText(m[1]);
    const spans = m[2].split(",").filter(Boolean).map((span) => {
      const [from, to] = span.split("-");
      return `de ${time(from)} à ${time(to)}`;
    });
    return days ? `${days} ${frenchList(spans, "et")}` : null;
  });
  return rules.includes(null) ? value : rules.join(" ; ");
}

/** A distance in French: « 850 m », « 4,2 km ». */
export function distanceText(km: number): string {
  if (km < 1) return `${Math.round(km * 100) * 10}${NBSP}m`;
  return `${(Math.round(km * 10) / 10).toLocaleString("fr-FR")}${NBSP}km`;
}

/** An age in months as residents say it. */
export function ageText(months: number): string {
  if (months < 24) return `${months}${NBSP}mois`;
  const years = Math.floor(months / 12);
  return `${years}${NBSP}ans`;
}

/** « la CAF du Pas-de-Calais », « le SIVOM du Bruaysis », « la Commune de Béthune »: names with their article. */
export function withArticle(name: string): string {
  if (/^(Commune|Communauté|CAF|MSA|Caisse|Maison|Mairie|Ville|Préfecture)\b/.test(name)) return `la ${name}`;
  if (/^(SIVOM|CCAS|Département|Conseil|Réseau|Centre|Pôle|Point|Office)\b/.test(name)) return `le ${name}`;
  if (/^(État)\b/.test(name)) return `l'${name}`;
  if (/^Association\b/.test(name)) return `l'${name}`;
  return name;
}
