import {
  authorizeAudited,
  badInput,
  changeVersioned,
  describeCaller,
  input,
  notFound,
  readAudit,
  requireEditorOf,
  type AuditRow,
} from "@ctg/kit";
import { GraphQLError } from "graphql";
import type { Context } from "./context.ts";
import type { MutationUpdatePartnerArgs, QueryPartnerAuditTrailArgs, UpdatePartnerInput } from "./generated/graphql.ts";
import type { Partner, PartnerKind } from "./generated/prisma/client.ts";

/**
 * The partners team's rules for changing a partner's record (packages/kit/src/access.ts, audit.ts):
 *
 * - who: the partner's own editors (PARTNER_EDITOR whose partnerId is the partner) and ADMIN;
 *   a resident gets UNAUTHENTICATED, anyone else FORBIDDEN, left in the audit trail;
 * - what: contact details, name, aliases, address and commune; `kind` and `siren` say what the
 *   partner is, legally, and only an ADMIN changes them (an editor sending them gets FORBIDDEN);
 * - which: an archived partner (gone from its producer's file) is NOT_FOUND for editors, ADMIN
 *   still corrects it;
 * - when: only from the version the caller read (`expectedVersion`), else CONFLICT; every change
 *   commits with its audit entry.
 *
 * The checks run in this order: the caller, the ADMIN-only fields, expectedVersion, the record,
 * then the input (BAD_USER_INPUT naming the argument, e.g. `input.phone`).
 */

export const ENTITY_TYPE = "Partner";

export const LIMITS = { name: 200, aliases: 20, alias: 100, address: 300 } as const;

/** What the partner is, legally: ADMIN only. */
const ADMIN_ONLY_FIELDS = ["kind", "siren"] as const satisfies readonly (keyof UpdatePartnerInput)[];

/** The columns an update may change, checked and in their stored form. */
export type PartnerChanges = Partial<Pick<Partner, "name" | "aliases" | "website" | "phone" | "email" | "address" | "communeCode" | "siren">> & {
  kind?: PartnerKind;
};


/** The SIREN's check digit: Luhn over the 9 digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A SIREN: 9 digits (spaces allowed in between, « 200 072 460 ») with a valid Luhn key. */
export function siren(value: string | null | undefined, argument: string): string | null | undefined {
  const raw = input.text(value, argument, { max: 20 });
  if (!raw) return raw;
  const digits = raw.replace(/\s/g, "");
  if (!/^\d{9}$/.test(digits)) throw badInput(`${argument} must be a SIREN of 9 digits such as "200072460" (got ${JSON.stringify(raw)}).`, argument);
  if (!luhnValid(digits)) throw badInput(`${argument} ${digits} is not a valid SIREN: its check digit (Luhn) does not match; check it was copied right.`, argument);
  return digits;
}

/** Aliases replace the current ones: trimmed, at most 20 of at most 100 characters, duplicates (ignoring case) dropped. */
export function aliases(value: readonly string[] | null | undefined, argument: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (value === null) return [];
  if (value.length > LIMITS.aliases) throw badInput(`${argument} must hold at most ${LIMITS.aliases} aliases (got ${value.length}).`, argument);
  const seen = new Set<string>();
  const kept: string[] = [];
  value.forEach((alias, i) => {
    const trimmed = input.text(alias, `${argument}[${i}]`, { max: LIMITS.alias, required: true })!;
    const key = trimmed.toLocaleLowerCase("fr");
    if (!seen.has(key)) {
      seen.add(key);
      kept.push(trimmed);
    }
  });
  return kept;
}

/** The commune a partner is based in: one of the agglomeration's, or null. */
export function communeCode(value: string | null | undefined, argument: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  return input.territoryCommune(value.trim(), argument);
}

/** Checks every given field; an input that gives none changes nothing and is refused. */
export function partnerChanges(given: UpdatePartnerInput): PartnerChanges {
  const changes: PartnerChanges = {};
  const set = <K extends keyof PartnerChanges>(key: K, value: PartnerChanges[K] | undefined) => {
    if (value !== undefined) changes[key] = value;
  };
  set("name", input.text(given.name, "input.name", { max: LIMITS.name, required: true }) ?? undefined);
  set("aliases", aliases(given.aliases, "input.aliases"));
  set("website", input.webUrl(given.website, "input.website"));
  set("phone", input.frenchPhone(given.phone, "input.phone"));
  set("email", input.email(given.email, "input.email"));
  set("address", input.text(given.address, "input.address", { max: LIMITS.address }));
  set("communeCode", communeCode(given.communeCode, "input.communeCode"));
  if (given.kind === null) throw badInput("input.kind cannot be cleared: every partner is of some kind (AUTRE when none fits).", "input.kind");
  set("kind", given.kind);
  set("siren", siren(given.siren, "input.siren"));
  if (Object.keys(changes).length === 0) throw badInput("input changes nothing: give at least one field to change.", "input");
  return changes;
}

/** FORBIDDEN naming the ADMIN-only fields a non-ADMIN sent (present, even null). */
function requireAdminForFields(ctx: Context, given: UpdatePartnerInput): void {
  if (ctx.identity.role === "ADMIN") return;
  const sent = ADMIN_ONLY_FIELDS.filter((field) => given[field] !== undefined).map((field) => `input.${field}`);
  if (sent.length === 0) return;
  throw new GraphQLError(
    `Only an ADMIN may change ${sent.join(" and ")} (what the partner is, legally); the token is ${describeCaller(ctx.identity)}. Leave ${sent.length > 1 ? "them" : "it"} out to change the other fields.`,
    { extensions: { code: "FORBIDDEN", argument: sent[0] } },
  );
}

export async function updatePartner(ctx: Context, args: MutationUpdatePartnerArgs): Promise<Partner> {
  const { identity, requestId } = ctx;
  const prisma = ctx.db.prisma;
  const { id } = args;
  const change = { entityType: ENTITY_TYPE, entityId: id, identity, requestId, action: "UPDATE" as const, attempted: args.input };
  // A partner's editors edit for the partner itself: the owner is the record's own id.
  await authorizeAudited(prisma, change, () => requireEditorOf(identity, id, `change partner ${id}`));
  await authorizeAudited(prisma, change, () => requireAdminForFields(ctx, args.input));
  const expectedVersion = input.expectedVersion(args.expectedVersion);

  const current = await prisma.partner.findUnique({ where: { id } });
  if (!current) throw notFound(`No partner has the id ${JSON.stringify(id)}.`, "id");
  if (current.archivedAt && identity.role !== "ADMIN") {
    throw notFound(`Partner ${id} is archived (it left its producer's file): only an ADMIN may change it.`, "id");
  }
  const changes = partnerChanges(args.input);

  return changeVersioned(prisma, {
    ...change,
    attempted: changes,
    expectedVersion,
    current,
    write: async (tx) => {
      const { count } = await tx.partner.updateMany({ where: { id, version: expectedVersion }, data: { ...changes, version: { increment: 1 } } });
      return count === 0 ? null : tx.partner.findUnique({ where: { id } });
    },
    reload: () => prisma.partner.findUnique({ where: { id } }),
  });
}

/** The partners' audit trail, newest first: ADMIN only. */
export function partnerAuditTrail(ctx: Context, args: QueryPartnerAuditTrailArgs): Promise<AuditRow[]> {
  return readAudit(ctx.db.prisma, ctx.identity, "partners", [ENTITY_TYPE, "DataInclusionImport"], { entityId: args.partnerId, since: args.since, first: args.first, before: args.before });
}
