import { randomUUID } from "node:crypto";
import {
  authorizeAudited,
  badInput,
  changeVersioned,
  createAudited,
  forbidden,
  input,
  notFound,
  readAudit,
  requireAdmin,
  requireEditor,
  requireEditorOf,
  type AuditRow,
  type Identity,
} from "@ctg/kit";
import { communePartners, institutions, territoryCommuneProblem, type PartnerKind } from "@ctg/territory-data";
import type { Context } from "./context.ts";
import { MAX_YEAR, MIN_YEAR } from "./fundings.ts";
import type { CorrectFundingInput, FundingMechanism, MutationCorrectFundingArgs, QueryFundingAuditTrailArgs, RecordFundingInput } from "./generated/graphql.ts";
import type { Funding, Prisma } from "./generated/prisma/client.ts";

/**
 * Recording and correcting funding lines (Mutation.recordFunding, Mutation.correctFunding) and
 * reading their audit trail (Query.fundingAuditTrail). The rules, in the order they are checked:
 *
 * 1. Who. Residents get UNAUTHENTICATED, staff FORBIDDEN. A partner editor records and corrects the
 *    fundings its own partner grants — for a correction, the funder stored in the database, never
 *    the one in the input — and only when its partner is a funder of the CTG (FUNDING_PARTNER_KINDS);
 *    an ADMIN does everything, changing the funder included. Every refusal of a signed-in caller
 *    leaves a FORBIDDEN entry in the audit trail (`authorizeAudited`).
 * 2. What. Each field is checked and BAD_USER_INPUT names the argument that is wrong.
 * 3. Mechanism ↔ funder (MECHANISM_FUNDERS), on the line as it will be stored.
 * 4. Concurrency. A correction applies only to the version the caller read (`expectedVersion`);
 *    otherwise CONFLICT, and the attempt is kept in the audit trail.
 */

const ENTITY = "Funding";

// ---------------------------------------------------------------------------------------------
// Funders.

/** The partners whose editors record fundings: the CTG's funders. */
export const FUNDING_PARTNER_KINDS: readonly PartnerKind[] = ["CAF", "DEPARTEMENT", "MSA", "EPCI", "COMMUNE"];

const REFERENCE_KINDS = new Map<string, PartnerKind>([...institutions, ...communePartners].map((p) => [p.id, p.kind]));
/** The hub names a commune's CCAS `ccas-<INSEE code>` (packages/territory-data/src/services.ts). */
const CCAS_ID = /^ccas-(\d{5}|2[AB]\d{3})$/;

/**
 * The kind of a funder as this subgraph knows it: the institutions and the 100 communes of the
 * reference data, and the CCAS of a commune of the territory; null for anyone else (associations,
 * private operators, ids this subgraph cannot tell — partners belong to the partners subgraph).
 */
export function funderKindOf(partnerId: string): PartnerKind | null {
  const kind = REFERENCE_KINDS.get(partnerId);
  if (kind) return kind;
  const ccas = CCAS_ID.exec(partnerId);
  return ccas && territoryCommuneProblem(ccas[1]) === null ? "CCAS" : null;
}

export function isFundingPartner(partnerId: string): boolean {
  const kind = funderKindOf(partnerId);
  return kind !== null && FUNDING_PARTNER_KINDS.includes(kind);
}

const CAF: readonly PartnerKind[] = ["CAF"];

/**
 * Which kinds of funder grant each mechanism; "any" for any funder.
 *
 * FONDS_PROPRES_COLLECTIVITE (a public body's own budget) was meant for communes and the EPCI, but
 * the sample data (packages/territory-data/src/fundings.ts) also has the Département's own budget
 * for PMI and MDS, and the own funds of the SIVOMs and CCAS that run services: the table accepts
 * those too, so that every stored line can still be corrected. Only an ADMIN can record or correct
 * the lines of a SIVOM, a CCAS or the État (AUTRE): their editors are not funding partners.
 */
export const MECHANISM_FUNDERS: Readonly<Record<FundingMechanism, readonly PartnerKind[] | "any">> = {
  BONUS_TERRITOIRE_CTG: CAF,
  PSU: CAF,
  PS_ALSH: CAF,
  PS_RPE: CAF,
  PS_LAEP: CAF,
  PS_JEUNES: CAF,
  PS_ANIMATION_GLOBALE: CAF,
  PS_ANIMATION_COLLECTIVE_FAMILLES: CAF,
  PS_EVS: CAF,
  FONDS_PUBLICS_ET_TERRITOIRES: CAF,
  SUBVENTION_DEPARTEMENT: ["DEPARTEMENT"],
  AIDE_MSA: ["MSA"],
  FONDS_PROPRES_COLLECTIVITE: ["COMMUNE", "EPCI", "DEPARTEMENT", "SIVOM", "CCAS"],
  REAAP: "any",
  CLAS: "any",
  AUTRE: "any",
};

const KIND_NAMES: Partial<Record<PartnerKind, string>> = {
  CAF: "the CAF",
  DEPARTEMENT: "the Département",
  MSA: "the MSA",
  EPCI: "the agglomeration (EPCI)",
  COMMUNE: "a commune",
  SIVOM: "a SIVOM",
  CCAS: "a CCAS",
  ETAT: "the État",
};

const kindName = (kind: PartnerKind | null) => (kind ? (KIND_NAMES[kind] ?? `a partner of kind ${kind}`) : "not a public funder this subgraph knows");

export function checkMechanism(funderId: string, mechanism: FundingMechanism): void {
  const allowed = MECHANISM_FUNDERS[mechanism];
  if (allowed === "any") return;
  const kind = funderKindOf(funderId);
  if (kind && allowed.includes(kind)) return;
  const who = allowed.map((k) => KIND_NAMES[k] ?? k).join(", ");
  throw badInput(`input.mechanism ${mechanism} is granted by ${who} only; the funder ${funderId} is ${kindName(kind)}.`, "input.mechanism");
}

// ---------------------------------------------------------------------------------------------
// Who may do what.

function requireFundingPartner(identity: Identity): void {
  if (identity.role !== "PARTNER_EDITOR" || !identity.partnerId) return;
  if (!isFundingPartner(identity.partnerId)) {
    throw forbidden(
      `Partner ${identity.partnerId} grants no CTG funding: only editors of the CAF, the Département, the MSA, the agglomeration and its 100 communes record and correct fundings; ask an administrator.`,
    );
  }
}

/** recordFunding: an ADMIN, or the editor of a funding partner for its own partner. */
function authorizeRecord(identity: Identity, funderId: string | null | undefined): void {
  requireEditor(identity, "record a funding");
  requireFundingPartner(identity);
  if (identity.role === "PARTNER_EDITOR" && funderId != null && funderId !== identity.partnerId) {
    throw forbidden(
      `An editor of partner ${identity.partnerId} records the fundings its partner grants only, not those of ${JSON.stringify(shown(funderId))} (input.funderId): leave input.funderId out, or ask an administrator.`,
    );
  }
}

/** correctFunding, before the funding is read: an ADMIN or the editor of a funding partner. */
function authorizeCorrector(identity: Identity): void {
  requireEditor(identity, "correct a funding");
  requireFundingPartner(identity);
}

/** correctFunding: an ADMIN, or the editor of the stored funder; the funder changes by ADMIN only. */
function authorizeCorrection(identity: Identity, current: Funding, changes: FundingChanges): void {
  requireEditorOf(identity, current.funderId, `correct funding ${current.id}`);
  if (identity.role !== "ADMIN" && changes.funderId !== undefined && changes.funderId !== current.funderId) {
    throw forbidden(`Only an ADMIN may give funding ${current.id} another funder (input.funderId); the token is an editor of partner ${identity.partnerId}.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Checks of the input.

type Maybe<T> = T | null | undefined;

const ID = /^[A-Za-z0-9._:-]{1,128}$/;
const MAX_LABEL = 200;

/** A value for an error message: long ones are cut. */
function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

function id(value: string, argument: string): string {
  if (!ID.test(value)) {
    throw badInput(`${argument} must be 1 to 128 letters, digits or « . _ : - » (got ${JSON.stringify(shown(value))}).`, argument);
  }
  return value;
}

/** A nullable id: undefined leaves it as it is, null clears it. */
function optionalId(value: Maybe<string>, argument: string): Maybe<string> {
  return value === undefined || value === null ? value : id(value, argument);
}

function communeCode(value: Maybe<string>, argument: string): Maybe<string> {
  const code = optionalId(value, argument);
  return code ? input.territoryCommune(code, argument) : code;
}

function required<T>(value: Maybe<T>, argument: string): T | undefined {
  if (value === null) throw badInput(`${argument} cannot be cleared: every funding has one.`, argument);
  return value;
}

type DecimalInput = string | { toFixed(digits: number): string };
const amount = (value: DecimalInput, argument: string) => input.positiveAmount(typeof value === "string" ? value : value.toFixed(2), argument);
const year = (value: number, argument: string) => input.wholeNumber(value, argument, MIN_YEAR, MAX_YEAR) as number;

function requireRecipientOrService(line: { recipientId?: string | null; serviceId?: string | null }, message: string): void {
  if (!line.recipientId && !line.serviceId) throw badInput(message, "input.recipientId");
}

type NewFunding = Omit<Prisma.FundingUncheckedCreateInput, "id" | "source" | "version" | "updatedAt"> & { funderId: string; mechanism: FundingMechanism };

function checkRecord(identity: Identity, raw: RecordFundingInput): NewFunding {
  let funderId = optionalId(raw.funderId, "input.funderId");
  if (!funderId) {
    if (identity.role !== "PARTNER_EDITOR" || !identity.partnerId) {
      throw badInput("input.funderId is required when an ADMIN records a funding: name the partner that grants it.", "input.funderId");
    }
    funderId = identity.partnerId;
  }
  const line: NewFunding = {
    funderId,
    recipientId: optionalId(raw.recipientId, "input.recipientId") ?? null,
    serviceId: optionalId(raw.serviceId, "input.serviceId") ?? null,
    conventionId: optionalId(raw.conventionId, "input.conventionId") ?? null,
    communeCode: communeCode(raw.communeCode, "input.communeCode") ?? null,
    mechanism: raw.mechanism,
    year: year(raw.year, "input.year"),
    amount: amount(raw.amount, "input.amount"),
    label: input.text(raw.label, "input.label", { max: MAX_LABEL }) ?? null,
  };
  requireRecipientOrService(line, "A funding needs input.recipientId, input.serviceId or both: who receives it, or which service it funds.");
  return line;
}

/** The fields a correction changes: undefined leaves a field as it is, null clears a nullable one. */
type FundingChanges = {
  funderId?: string;
  recipientId?: string | null;
  serviceId?: string | null;
  conventionId?: string | null;
  communeCode?: string | null;
  mechanism?: FundingMechanism;
  year?: number;
  amount?: string;
  label?: string | null;
};

function checkCorrection(raw: CorrectFundingInput): FundingChanges {
  if (Object.values(raw).every((value) => value === undefined)) {
    throw badInput("input changes nothing: give at least one field of the funding to correct.", "input");
  }
  const funderId = required(raw.funderId, "input.funderId");
  const mechanism = required(raw.mechanism, "input.mechanism");
  const yearValue = required(raw.year, "input.year");
  const amountValue = required(raw.amount, "input.amount");
  const changes: FundingChanges = {
    funderId: funderId === undefined ? undefined : id(funderId, "input.funderId"),
    recipientId: optionalId(raw.recipientId, "input.recipientId"),
    serviceId: optionalId(raw.serviceId, "input.serviceId"),
    conventionId: optionalId(raw.conventionId, "input.conventionId"),
    communeCode: communeCode(raw.communeCode, "input.communeCode"),
    mechanism,
    year: yearValue === undefined ? undefined : year(yearValue, "input.year"),
    amount: amountValue === undefined ? undefined : amount(amountValue, "input.amount"),
    label: input.text(raw.label, "input.label", { max: MAX_LABEL }),
  };
  // Only what is given: the audit keeps the attempt as sent, and Prisma leaves the rest alone.
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as FundingChanges;
}


// ---------------------------------------------------------------------------------------------
// The operations.

export async function recordFunding({ db, identity, requestId }: Context, raw: RecordFundingInput): Promise<Funding> {
  const entityId = `funding-${randomUUID()}`;
  const change = { entityType: ENTITY, entityId, identity, requestId };
  await authorizeAudited(db.prisma, { ...change, action: "CREATE", attempted: raw }, () => authorizeRecord(identity, raw.funderId));
  const line = checkRecord(identity, raw);
  checkMechanism(line.funderId, line.mechanism);
  return createAudited(db.prisma, {
    ...change,
    // Entered in the hub by the funder's team.
    write: (tx) => tx.funding.create({ data: { ...line, id: entityId, source: `ctg-hub:${line.funderId}` } }),
  });
}

export async function correctFunding({ db, identity, requestId }: Context, args: MutationCorrectFundingArgs): Promise<Funding> {
  const prisma = db.prisma;
  const change = { entityType: ENTITY, entityId: args.id, identity, requestId, action: "UPDATE" as const };
  await authorizeAudited(prisma, { ...change, attempted: args.input }, () => authorizeCorrector(identity));
  const fundingId = id(args.id, "id");
  const expectedVersion = input.expectedVersion(args.expectedVersion);
  const changes = checkCorrection(args.input);

  const current = await prisma.funding.findUnique({ where: { id: fundingId } });
  if (!current) throw notFound(`No funding has the id ${JSON.stringify(fundingId)}.`, "id");
  // The owner is the funder stored in the database, never the one in the input.
  await authorizeAudited(prisma, { ...change, attempted: changes }, () => authorizeCorrection(identity, current, changes));

  const next = { ...current, ...changes };
  checkMechanism(next.funderId, next.mechanism);
  requireRecipientOrService(next, `This correction would leave funding ${fundingId} with neither recipient nor service: keep input.recipientId or input.serviceId.`);

  return changeVersioned(prisma, {
    ...change,
    expectedVersion,
    current,
    attempted: changes,
    write: async (tx) => {
      const { count } = await tx.funding.updateMany({ where: { id: fundingId, version: expectedVersion }, data: { ...changes, version: { increment: 1 } } });
      return count === 0 ? null : tx.funding.findUnique({ where: { id: fundingId } });
    },
    reload: () => prisma.funding.findUnique({ where: { id: fundingId } }),
  });
}

/** The fundings' audit trail, newest first: ADMIN only. */
export async function fundingAuditTrail({ db, identity }: Context, args: QueryFundingAuditTrailArgs): Promise<AuditRow[]> {
  requireAdmin(identity, "read the audit trail");
  const entityId = optionalId(args.fundingId, "fundingId");
  return readAudit(db.prisma, identity, "funding", [ENTITY], { entityId, since: args.since, first: args.first, before: args.before });
}
