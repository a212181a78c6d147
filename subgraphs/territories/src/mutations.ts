import {
  authorizeAudited,
  badInput,
  changeVersioned,
  input,
  notFound,
  readAudit,
  requireAdmin,
  type AuditRow,
} from "@ctg/kit";
import { communes as referenceCommunes, distanceKm } from "@ctg/territory-data/communes";
import type { Context } from "./context.ts";
import type {
  MutationUpdateCommuneArgs,
  MutationUpdateEpciArgs,
  QueryTerritoryAuditTrailArgs,
  UpdateCommuneInput,
  UpdateEpciInput,
} from "./generated/graphql.ts";
import type { Commune, Epci } from "./generated/prisma/client.ts";

/**
 * The territories team's corrections to its reference records (packages/kit/src/access.ts, audit.ts):
 *
 * - who: ADMIN only; a resident gets UNAUTHENTICATED, anyone else FORBIDDEN, left in the audit trail;
 * - what: a commune's name, postal codes, population and centre; an EPCI's name (codes and SIRENs
 *   are keys, never changed);
 * - when: only from the version the caller read (`expectedVersion`), else CONFLICT; every change
 *   commits with its audit entry.
 *
 * The checks run in this order: the caller, expectedVersion, the record, then the input
 * (BAD_USER_INPUT naming the argument, e.g. `input.postalCodes[1]`).
 */

export const COMMUNE = "Commune";
export const EPCI = "Epci";

export const LIMITS = { communeName: 100, epciName: 200, postalCodes: 10, population: 10_000_000, kmFromCentre: 30 } as const;

/**
 * The agglomeration's centre: the mean of its 100 communes' centres (reference data, so that it
 * does not move with the corrections). Every commune's centre lies within 22 km of it.
 */
export const AGGLOMERATION_CENTRE: { lat: number; lon: number } = {
  lat: referenceCommunes.reduce((sum, c) => sum + c.lat, 0) / referenceCommunes.length,
  lon: referenceCommunes.reduce((sum, c) => sum + c.lon, 0) / referenceCommunes.length,
};

export type CommuneChanges = Partial<Pick<Commune, "name" | "postalCodes" | "population" | "lat" | "lon">>;
export type EpciChanges = Partial<Pick<Epci, "name">>;


/** Postal codes replace the current ones: 1 to 10 codes of 5 digits starting with the département code; sorted, duplicates dropped. */
export function postalCodes(value: readonly string[] | null | undefined, departementCode: string, argument: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (value === null || value.length === 0) {
    throw badInput(`${argument} cannot be cleared: a commune has 1 to ${LIMITS.postalCodes} postal codes.`, argument);
  }
  if (value.length > LIMITS.postalCodes) throw badInput(`${argument} must hold 1 to ${LIMITS.postalCodes} postal codes (got ${value.length}).`, argument);
  const codes = value.map((raw, i) => {
    const code = raw.trim();
    if (!/^\d{5}$/.test(code) || !code.startsWith(departementCode)) {
      throw badInput(
        `${argument}[${i}] must be a postal code of 5 digits starting with the département code ${departementCode}, such as "${departementCode}400" (got ${JSON.stringify(raw)}).`,
        `${argument}[${i}]`,
      );
    }
    return code;
  });
  return [...new Set(codes)].sort();
}

/** A commune's centre, within 30 km of the agglomeration's centre (further is a typing error: swapped lat/lon…). */
export function communeCentre(point: { lat: number; lon: number } | null | undefined, argument: string): { lat: number | null; lon: number | null } | undefined {
  if (point === undefined) return undefined;
  if (point === null) return { lat: null, lon: null };
  const checked = input.coordinates(point, argument);
  const km = distanceKm(AGGLOMERATION_CENTRE, checked);
  if (km > LIMITS.kmFromCentre) {
    throw badInput(
      `${argument} (${checked.lat}, ${checked.lon}) is ${km.toFixed(1)} km from the agglomeration's centre (${AGGLOMERATION_CENTRE.lat.toFixed(4)}, ${AGGLOMERATION_CENTRE.lon.toFixed(4)}); a commune of the agglomeration lies within ${LIMITS.kmFromCentre} km. Check that lat and lon are not swapped.`,
      argument,
    );
  }
  return checked;
}

const nothing = () => badInput("input changes nothing: give at least one field to change.", "input");

export function communeChanges(given: UpdateCommuneInput, current: Commune): CommuneChanges {
  const changes: CommuneChanges = {};
  const name = input.text(given.name, "input.name", { max: LIMITS.communeName, required: true });
  if (name) changes.name = name;
  const codes = postalCodes(given.postalCodes, current.departementCode, "input.postalCodes");
  if (codes) changes.postalCodes = codes;
  const population = input.wholeNumber(given.population, "input.population", 0, LIMITS.population);
  if (population !== undefined) changes.population = population;
  const centre = communeCentre(given.location, "input.location");
  if (centre) Object.assign(changes, centre);
  if (Object.keys(changes).length === 0) throw nothing();
  return changes;
}

export function epciChanges(given: UpdateEpciInput): EpciChanges {
  const name = input.text(given.name, "input.name", { max: LIMITS.epciName, required: true });
  if (!name) throw nothing();
  return { name };
}

export async function updateCommune(ctx: Context, args: MutationUpdateCommuneArgs): Promise<Commune> {
  const { identity, requestId } = ctx;
  const prisma = ctx.db.prisma;
  const { code } = args;
  const change = { entityType: COMMUNE, entityId: code, identity, requestId, action: "UPDATE" as const, attempted: args.input };
  await authorizeAudited(prisma, change, () => requireAdmin(identity, "correct a commune"));
  const expectedVersion = input.expectedVersion(args.expectedVersion);
  const current = await prisma.commune.findUnique({ where: { code } });
  if (!current) throw notFound(`No commune of the territory has the INSEE code ${JSON.stringify(code)}.`, "code");
  const changes = communeChanges(args.input, current);
  return changeVersioned(prisma, {
    ...change,
    attempted: changes,
    expectedVersion,
    current,
    write: async (tx) => {
      const { count } = await tx.commune.updateMany({ where: { code, version: expectedVersion }, data: { ...changes, version: { increment: 1 } } });
      return count === 0 ? null : tx.commune.findUnique({ where: { code } });
    },
    reload: () => prisma.commune.findUnique({ where: { code } }),
  });
}

export async function updateEpci(ctx: Context, args: MutationUpdateEpciArgs): Promise<Epci> {
  const { identity, requestId } = ctx;
  const prisma = ctx.db.prisma;
  const { siren } = args;
  const change = { entityType: EPCI, entityId: siren, identity, requestId, action: "UPDATE" as const, attempted: args.input };
  await authorizeAudited(prisma, change, () => requireAdmin(identity, "correct an EPCI"));
  const expectedVersion = input.expectedVersion(args.expectedVersion);
  const current = await prisma.epci.findUnique({ where: { siren } });
  if (!current) throw notFound(`No EPCI of the territory has the SIREN ${JSON.stringify(siren)}.`, "siren");
  const changes = epciChanges(args.input);
  return changeVersioned(prisma, {
    ...change,
    attempted: changes,
    expectedVersion,
    current,
    write: async (tx) => {
      const { count } = await tx.epci.updateMany({ where: { siren, version: expectedVersion }, data: { ...changes, version: { increment: 1 } } });
      return count === 0 ? null : tx.epci.findUnique({ where: { siren } });
    },
    reload: () => prisma.epci.findUnique({ where: { siren } }),
  });
}

/** The communes' and EPCIs' audit trail, newest first: ADMIN only. */
export function territoryAuditTrail(ctx: Context, args: QueryTerritoryAuditTrailArgs): Promise<AuditRow[]> {
  return readAudit(ctx.db.prisma, ctx.identity, "territories", [COMMUNE, EPCI], { entityId: args.entityId, since: args.since, first: args.first, before: args.before });
}
