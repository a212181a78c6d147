import { checkOpeningHours } from "@ctg/kit/opening-hours";
import { isPhoneNumber } from "./phone.ts";
import type { Service, Structure } from "./records.ts";
import { FRAIS, isReseauPorteur, isThematique, MODES_ACCUEIL, PUBLICS, TYPES_DE_SERVICES } from "./vocabulary.ts";

/**
 * The data·inclusion v1 rules the hub relies on, for what it imports and what it exports:
 *
 * - required: `source` (a slug), `id`, `nom` (3–150 characters, not ending with a full stop),
 *   `description` (50–2000 characters), `date_maj` (a calendar date, YYYY-MM-DD); services also
 *   `structure_id`;
 * - `siret`: 14 digits; `code_postal`: 5 digits; `code_insee`: a 5-character commune code;
 * - `longitude` in [-180, 180], `latitude` in [-90, 90];
 * - `courriel`: an e-mail address; `site_web`, `lien_mobilisation`, `accessibilite_lieu`: http(s) URLs;
 * - `telephone`: one number; `horaires_accueil`: OpenStreetMap opening_hours syntax;
 * - `reseaux_porteurs`, `thematiques`, `publics`, `modes_accueil` (lists), `frais`, `type`: values of
 *   the schema's closed lists (vocabulary.ts);
 * - `zone_eligibilite`: INSEE commune, département, EPCI (SIREN) or region codes, `france` or `99100`.
 *
 * Optional fields may be absent or null; an empty list counts as absent. Strings are trimmed and
 * unknown fields dropped, so the record returned is the one the hub works with.
 */
export interface Problem {
  field: string;
  message: string;
}

export type Validation<T> = { ok: true; record: T } | { ok: false; problems: Problem[] };

export const formatProblems = (problems: readonly Problem[]): string => problems.map((p) => `${p.field}: ${p.message}`).join("; ");

const SLUG = /^[a-z0-9][a-z0-9_-]*$/;
const COMMUNE_CODE = /^[0-9][0-9AB][0-9]{3}$/;
const ZONE_CODE = /^(france|[0-9][0-9AB][0-9]{3}|[0-9]{2}|2A|2B|97[1-8]|[0-9]{9})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads one record's fields and collects what breaks the rules. */
class Fields {
  readonly problems: Problem[] = [];
  readonly out: Record<string, unknown> = {};

  constructor(private readonly raw: Record<string, unknown>) {}

  private fail(field: string, message: string): undefined {
    this.problems.push({ field, message });
    return undefined;
  }

  /** The trimmed string, undefined when absent; a problem when it is not a string. */
  private string(field: string): string | undefined {
    const value = this.raw[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "string") return this.fail(field, `must be a string (got ${typeof value === "object" ? "an object" : JSON.stringify(value)})`);
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }

  required(field: string, rule?: (value: string) => string | null): void {
    const value = this.string(field);
    if (value === undefined) {
      if (!this.problems.some((p) => p.field === field)) this.fail(field, "is required");
      return;
    }
    const broken = rule?.(value);
    if (broken) this.fail(field, broken);
    else this.out[field] = value;
  }

  optional(field: string, rule?: (value: string) => string | null, transform?: (value: string) => string): void {
    const value = this.string(field);
    if (value === undefined) return;
    const broken = rule?.(value);
    if (broken) this.fail(field, broken);
    else this.out[field] = transform ? transform(value) : value;
  }

  hours(field: string): void {
    const value = this.string(field);
    if (value === undefined) return;
    const check = checkOpeningHours(value);
    if (check.ok) this.out[field] = check.value;
    else this.fail(field, `« ${value} » is ${check.reason}`);
  }

  number(field: string, min: number, max: number): void {
    const value = this.raw[field];
    if (value === undefined || value === null) return;
    if (typeof value !== "number" || !Number.isFinite(value)) return void this.fail(field, `must be a number (got ${JSON.stringify(value)})`);
    if (value < min || value > max) return void this.fail(field, `must be between ${min} and ${max} (got ${value})`);
    this.out[field] = value;
  }

  list(field: string, allowed: (code: string) => boolean, what: string): void {
    const value = this.raw[field];
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) return void this.fail(field, `must be a list (got ${JSON.stringify(value)})`);
    const codes: string[] = [];
    for (const item of value) {
      if (typeof item !== "string") return void this.fail(field, `must hold strings only (got ${JSON.stringify(item)})`);
      const code = item.trim();
      if (!allowed(code)) return void this.fail(field, `« ${code} » is not ${what}`);
      if (!codes.includes(code)) codes.push(code);
    }
    if (codes.length) this.out[field] = codes;
  }

  oneOf(field: string, allowed: readonly string[]): void {
    this.optional(field, (v) => (allowed.includes(v) ? null : `« ${v} » is not one of ${allowed.join(", ")}`));
  }
}

const length = (min: number, max: number) => (v: string) =>
  v.length < min ? `must be at least ${min} characters (got ${v.length})` : v.length > max ? `must be at most ${max} characters (got ${v.length})` : null;
const name = (v: string) => length(3, 150)(v) ?? (v.endsWith(".") ? "must not end with a full stop" : null);
const slug = (v: string) => (SLUG.test(v) ? null : `« ${v} » must be a slug (lower-case letters, digits, - and _)`);
const pattern = (re: RegExp, what: string) => (v: string) => (re.test(v) ? null : `« ${v} » is not ${what}`);
const email = (v: string) => (v.length <= 254 && EMAIL.test(v) ? null : `« ${v} » is not an e-mail address`);
const phone = (v: string) => (isPhoneNumber(v) ? null : `« ${v} » is not one phone number`);
const url = (v: string) => {
  try {
    const parsed = new URL(v);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return null;
  } catch {
    // reported below
  }
  return `« ${v} » is not an http(s) URL`;
};
function calendarDate(v: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (match) {
    const [y, m, d] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return null;
  }
  return `« ${v} » is not a date (YYYY-MM-DD)`;
}

function commonFields(f: Fields): void {
  f.required("source", slug);
  f.required("id", length(1, 300));
  f.required("nom", name);
  f.required("description", length(50, 2000));
  f.required("date_maj", calendarDate);
  f.optional("commune", length(1, 200));
  f.optional("code_postal", pattern(/^\d{5}$/, "a postal code (5 digits)"));
  f.optional("code_insee", pattern(COMMUNE_CODE, "an INSEE commune code (5 characters)"));
  f.optional("adresse", length(1, 500));
  f.optional("complement_adresse", length(1, 500));
  f.number("longitude", -180, 180);
  f.number("latitude", -90, 90);
  f.optional("telephone", phone);
  f.optional("courriel", email);
  f.hours("horaires_accueil");
}

function asObject(raw: unknown): Record<string, unknown> | null {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
}

const notAnObject = (raw: unknown): Validation<never> => ({
  ok: false,
  problems: [{ field: "(record)", message: `must be a JSON object (got ${Array.isArray(raw) ? "a list" : JSON.stringify(raw)})` }],
});

export function validateStructure(raw: unknown): Validation<Structure> {
  const object = asObject(raw);
  if (!object) return notAnObject(raw);
  const f = new Fields(object);
  commonFields(f);
  f.optional("siret", pattern(/^\d{14}$/, "a SIRET number (14 digits)"));
  f.optional("site_web", url);
  f.optional("accessibilite_lieu", url);
  f.list("reseaux_porteurs", isReseauPorteur, "a data·inclusion réseau porteur");
  return f.problems.length ? { ok: false, problems: f.problems } : { ok: true, record: f.out as unknown as Structure };
}

export function validateService(raw: unknown): Validation<Service> {
  const object = asObject(raw);
  if (!object) return notAnObject(raw);
  const f = new Fields(object);
  commonFields(f);
  f.required("structure_id", length(1, 300));
  f.oneOf("type", TYPES_DE_SERVICES);
  f.list("thematiques", isThematique, "a data·inclusion thématique");
  f.oneOf("frais", FRAIS);
  f.optional("frais_precisions", length(1, 2000));
  f.list("publics", (c) => (PUBLICS as readonly string[]).includes(c), "a data·inclusion public");
  f.optional("publics_precisions", length(1, 2000));
  f.optional("conditions_acces", length(1, 2000));
  f.list("modes_accueil", (c) => (MODES_ACCUEIL as readonly string[]).includes(c), "a data·inclusion mode d'accueil");
  f.list("zone_eligibilite", (c) => ZONE_CODE.test(c), "an INSEE commune, département, EPCI or region code, nor « france »");
  f.optional("contact_nom_prenom", length(1, 200));
  f.optional("lien_mobilisation", url);
  return f.problems.length ? { ok: false, problems: f.problems } : { ok: true, record: f.out as unknown as Service };
}
