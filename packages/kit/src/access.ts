import { forbidden, unauthenticated } from "./errors.ts";
import type { Identity } from "./identity.ts";

/**
 * Who may change and who may see what, the same in every subgraph:
 * - RESIDENT (no token): reads public fields, changes nothing;
 * - STAFF: reads everything, restricted fields included, changes nothing;
 * - PARTNER_EDITOR: changes the records its partner owns, reads their restricted fields;
 * - ADMIN: changes and reads everything, the audit trail included.
 * Each subgraph calls these with the owner it reads from its own database, never from the input.
 */

/** A short description of the caller for error messages. */
export function describeCaller(identity: Identity): string {
  return identity.role === "PARTNER_EDITOR" ? `an editor of partner ${identity.partnerId}` : identity.role === "ADMIN" ? "an administrator" : identity.role === "STAFF" ? "partner staff (read only)" : "a resident";
}

/** A change needs a token: residents get UNAUTHENTICATED, which says how to get one. */
function requireToken(identity: Identity, action: string): void {
  if (identity.role === "RESIDENT") {
    throw unauthenticated(`To ${action}, send a bearer token: changes are made by partner editors and administrators.`);
  }
}

export function requireAdmin(identity: Identity, action: string): void {
  requireToken(identity, action);
  if (identity.role !== "ADMIN") throw forbidden(`Only an ADMIN may ${action}; the token is ${describeCaller(identity)}.`);
}

/** True when the caller may change records owned by `partnerId`. */
export function mayEditFor(identity: Identity, partnerId: string): boolean {
  return identity.role === "ADMIN" || (identity.role === "PARTNER_EDITOR" && identity.partnerId === partnerId);
}

/** ADMIN, or PARTNER_EDITOR of the owning partner; FORBIDDEN otherwise. */
export function requireEditorOf(identity: Identity, partnerId: string, action: string): void {
  requireToken(identity, action);
  if (!mayEditFor(identity, partnerId)) {
    throw forbidden(`Only editors of partner ${partnerId} or an ADMIN may ${action}; the token is ${describeCaller(identity)}.`);
  }
}

/** ADMIN or any PARTNER_EDITOR: the first gate of a change, before the owner is known. */
export function requireEditor(identity: Identity, action: string): void {
  requireToken(identity, action);
  if (identity.role !== "ADMIN" && identity.role !== "PARTNER_EDITOR") {
    throw forbidden(`Only partner editors and administrators may ${action}; the token is ${describeCaller(identity)}.`);
  }
}

/** Contact persons, drafts and archived records: STAFF, ADMIN and the owning partner's editors. */
export function maySeeRestricted(identity: Identity, ownerPartnerId: string): boolean {
  return identity.role === "STAFF" || mayEditFor(identity, ownerPartnerId);
}

/** The partners whose restricted records the caller sees: all, some (its own), or none. */
export function restrictedScope(identity: Identity): "all" | "none" | { partnerId: string } {
  if (identity.role === "STAFF" || identity.role === "ADMIN") return "all";
  if (identity.role === "PARTNER_EDITOR" && identity.partnerId) return { partnerId: identity.partnerId };
  return "none";
}
