import { territoryCommuneProblem } from "@ctg/territory-data/communes";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { badInput } from "./errors.ts";
import { checkOpeningHours } from "./opening-hours.ts";

/**
 * Checks of what partner editors type in, shared by the subgraphs' mutations. Each returns the
 * value to store (trimmed, in its canonical form) or throws BAD_USER_INPUT naming the argument.
 * In an update, `undefined` means « leave as it is » and `null` means « clear »: both pass through.
 */
type Maybe<T> = T | null | undefined;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function text(value: Maybe<string>, argument: string, options: { max: number; multiline?: boolean; required?: boolean }): Maybe<string> {
  if (value === undefined) return undefined;
  if (value === null) {
    if (options.required) throw badInput(`${argument} cannot be cleared.`, argument);
    return null;
  }
  const trimmed = value.trim().replace(/\r\n/g, "\n");
  if (!trimmed) {
    if (options.required) throw badInput(`${argument} cannot be empty.`, argument);
    return null;
  }
  if (CONTROL.test(trimmed) || (!options.multiline && /\n/.test(trimmed))) {
    throw badInput(`${argument} contains control characters${options.multiline ? "" : " or line breaks"}.`, argument);
  }
  if ([...trimmed].length > options.max) throw badInput(`${argument} must be at most ${options.max} characters (got ${[...trimmed].length}).`, argument);
  return trimmed;
}

/** The INSEE code of one of the agglomeration's 100 communes, else why not (no such commune, outside…). */
export function territoryCommune(code: string, argument: string): string {
  const problem = territoryCommuneProblem(code);
  if (problem) throw badInput(`${argument} must be a commune of the agglomeration: ${problem}.`, argument);
  return code;
}

/** Numbers of France, overseas included, for residents to call. */
const FRENCH_REGIONS = new Set(["FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "NC", "PF", "WF"]);
/** Short numbers: 3 digits from 1 (115, 119) and 4 digits from 3 (3919, 3020, 3230). */
const SHORT_NUMBER = /^(1\d{1,2}|3\d{3})$/;

/** A French phone number, shown the French way: « 03 21 57 12 34 », « 0 800 05 95 95 », « 3919 ». */
export function frenchPhone(value: Maybe<string>, argument: string): Maybe<string> {
  const raw = text(value, argument, { max: 40 });
  if (!raw) return raw;
  const compact = raw.replace(/[\s.\-()]/g, "");
  if (SHORT_NUMBER.test(compact)) return compact;
  const phone = /^[+\d]+$/.test(compact) ? parsePhoneNumberFromString(compact, "FR") : undefined;
  if (!phone || !phone.isValid() || !phone.country || !FRENCH_REGIONS.has(phone.country)) {
    throw badInput(
      `${argument} must be a French phone number such as "03 21 57 12 34", "+33 3 21 57 12 34" or a short number such as "3919" (got ${JSON.stringify(raw)}).`,
      argument,
    );
  }
  return phone.formatNational();
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

export function email(value: Maybe<string>, argument: string): Maybe<string> {
  const raw = text(value, argument, { max: 254 });
  if (!raw) return raw;
  if (!EMAIL.test(raw)) throw badInput(`${argument} must be an e-mail address such as "accueil@mairie-gosnay.fr" (got ${JSON.stringify(raw)}).`, argument);
  return raw;
}

export function webUrl(value: Maybe<string>, argument: string): Maybe<string> {
  const raw = text(value, argument, { max: 500 });
  if (!raw) return raw;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname.includes(".")) {
    throw badInput(`${argument} must be a web address starting with https:// (got ${JSON.stringify(raw)}).`, argument);
  }
  return url.href;
}

/** OpenStreetMap opening_hours, checked by the reference parser and stored in its canonical form. */
export function openingHours(value: Maybe<string>, argument: string): Maybe<string> {
  const raw = text(value, argument, { max: 500 });
  if (!raw) return raw;
  const check = checkOpeningHours(raw);
  if (!check.ok) throw badInput(`${argument} is ${check.reason}; write it like "Mo-Fr 08:30-12:00,13:30-17:30; Sa 09:00-12:00".`, argument);
  return check.value;
}

export function wholeNumber(value: Maybe<number>, argument: string, min: number, max: number): Maybe<number> {
  if (value === undefined || value === null) return value;
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(`${argument} must be a whole number from ${min} to ${max} (got ${value}).`, argument);
  return value;
}

export const MAX_AGE_MONTHS = 1200;

/** Ages in months, 0 to 1200, the youngest not above the oldest (either may be open: null). */
export function ageRange(min: Maybe<number>, max: Maybe<number>, argument: { min: string; max: string }): void {
  wholeNumber(min, argument.min, 0, MAX_AGE_MONTHS);
  wholeNumber(max, argument.max, 0, MAX_AGE_MONTHS);
  if (min != null && max != null && min > max) {
    throw badInput(`${argument.min} (${min} months) is above ${argument.max} (${max} months): the youngest age accepted must not exceed the oldest.`, argument.min);
  }
}

export function coordinates(point: { lat: number; lon: number }, argument: string): { lat: number; lon: number } {
  if (!Number.isFinite(point.lat) || point.lat < -90 || point.lat > 90) throw badInput(`${argument}.lat must be a latitude from -90 to 90 (got ${point.lat}).`, `${argument}.lat`);
  if (!Number.isFinite(point.lon) || point.lon < -180 || point.lon > 180) throw badInput(`${argument}.lon must be a longitude from -180 to 180 (got ${point.lon}).`, `${argument}.lon`);
  return { lat: point.lat, lon: point.lon };
}

/** What a NUMERIC(14, 2) column holds. */
const MAX_AMOUNT = 999_999_999_999.99;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** A positive amount of euros with at most two decimals, as the exact string stored. */
export function positiveAmount(value: string, argument: string): string {
  const raw = value.trim();
  if (!AMOUNT.test(raw)) {
    throw badInput(`${argument} must be a positive amount of euros with at most two decimals, such as "1250.50" (got ${JSON.stringify(value)}).`, argument);
  }
  if (Number(raw) <= 0 || Number(raw) > MAX_AMOUNT) throw badInput(`${argument} must be over 0 and at most ${MAX_AMOUNT} (got ${raw}).`, argument);
  return raw;
}

/** The version a change was prepared on (`expectedVersion`): a whole number from 1. */
export function expectedVersion(value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw badInput(`expectedVersion must be the record's version as last read, a whole number from 1 (got ${value}).`, "expectedVersion");
  }
  return value;
}
