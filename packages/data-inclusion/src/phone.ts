/**
 * Phone numbers: the hub shows French numbers as « 03 21 61 39 72 »; data·inclusion prefers E.164
 * (« +33321613972 »). Both directions are exact for ten-digit French numbers; other numbers (short
 * numbers such as 3230, foreign ones) pass through with their spacing tidied.
 */
export function toDisplayPhone(raw: string): string {
  const compact = raw.replace(/[\s.\-()]/g, "");
  const national = /^\+33\d{9}$/.test(compact) ? `0${compact.slice(3)}` : /^0033\d{9}$/.test(compact) ? `0${compact.slice(4)}` : compact;
  if (/^0\d{9}$/.test(national)) return national.replace(/(\d{2})(?=\d)/g, "$1 ");
  return raw.trim().replace(/\s+/g, " ");
}

export function toE164Phone(display: string): string {
  const compact = display.replace(/[\s.\-()]/g, "");
  if (/^0\d{9}$/.test(compact)) return `+33${compact.slice(1)}`;
  return compact;
}

/** One number: digits with the usual separators, an optional leading +, 2 to 15 digits. */
export function isPhoneNumber(raw: string): boolean {
  if (!/^\+?[\d\s.\-()]+$/.test(raw.trim())) return false;
  const digits = raw.replace(/\D/g, "").length;
  return digits >= 2 && digits <= 15;
}
