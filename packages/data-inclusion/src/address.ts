/**
 * The hub keeps one address line (« 12 rue Jean Jaurès, 62400 Béthune »); data·inclusion splits it
 * into `adresse`, `complement_adresse`, `code_postal` and `commune`. Joining then splitting gives
 * the line back.
 */
export interface AddressParts {
  adresse?: string | null;
  complement_adresse?: string | null;
  code_postal?: string | null;
  commune?: string | null;
}

export function joinAddress(parts: AddressParts): string | null {
  if (!parts.adresse) return null;
  const town = [parts.code_postal, parts.commune].filter(Boolean).join(" ");
  return [parts.adresse, parts.complement_adresse, town].filter(Boolean).join(", ");
}

export function splitAddress(line: string | null): { adresse: string; code_postal?: string; commune?: string } | null {
  if (!line) return null;
  const match = /^(.+), (\d{5}) ([^,]+)$/.exec(line.trim());
  return match ? { adresse: match[1], code_postal: match[2], commune: match[3] } : { adresse: line.trim() };
}
