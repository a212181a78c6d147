import { createHash } from "node:crypto";
import { normalizeName } from "@ctg/kit/text";
import { HUB_SOURCE } from "./vocabulary.ts";

const slug = (text: string, max: number) => normalizeName(text).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, max).replace(/-$/, "");
const digest = (source: string, id: string) => createHash("sha256").update(`${source}\0${id}`).digest("hex").slice(0, 10);

/** The key of a record in its files: ids are unique within one source only. */
export const recordKey = (source: string, id: string) => `${source}\0${id}`;

/**
 * The hub id of a record the hub itself published (`ctg-cabbalr--<hub id>`), or null: importing the
 * hub's own export finds its records again instead of duplicating them.
 */
export function hubIdOf(source: string, id: string): string | null {
  const prefix = `${HUB_SOURCE}--`;
  return source === HUB_SOURCE && id.startsWith(prefix) && id.length > prefix.length ? id.slice(prefix.length) : null;
}

/** The data·inclusion id of a hub record: `<source>--<hub id>`, the schema's convention. */
export const publishedId = (hubId: string) => `${HUB_SOURCE}--${hubId}`;

/** A readable, stable id for a record created by an import: source, name, and a digest of its origin. */
export function importedId(source: string, id: string, name: string): string {
  return hubIdOf(source, id) ?? `di-${slug(source, 24)}-${slug(name, 40)}-${digest(source, id)}`;
}
