import { randomUUID } from "node:crypto";
import {
  authorizeAudited,
  badInput,
  changeVersioned,
  createAudited,
  forbidden,
  input,
  notFound,
  PARTNER_ID,
  requireEditor,
  requireEditorOf,
} from "@ctg/kit";
import { communeByInsee, distanceKm, SERVICE_TYPES } from "@ctg/territory-data";
import type { Context } from "./context.ts";
import type { CreateServiceInput, ServiceStatus, UpdateServiceInput, ContactPersonInput } from "./generated/graphql.ts";
import type { Prisma, PrismaClient, Service } from "./generated/prisma/client.ts";

/**
 * The services team's changes: create, update and archive, by the operating partner's editors and
 * ADMIN. The owner is always read from the database, never taken from the input; every change
 * commits with its audit entry, and a stale `expectedVersion` gets CONFLICT (packages/kit/src/audit.ts).
 */

type Tx = Prisma.TransactionClient;
type Db = Pick<PrismaClient, "service" | "serviceArea" | "serviceContact"> | Tx;

interface ContactData {
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

/** A service as the audit trail keeps it: the row, the communes it serves and its contacts. */
type ServiceSnapshot = Service & { serviceArea: string[]; contacts: ContactData[] };

const ENTITY = "Service";
const MAX_AREA = 100;
const MAX_CONTACTS = 10;
/** A location further than this from the commune's centre is a typing error (swapped lat/lon…). */
const MAX_KM_FROM_COMMUNE = 30;

async function loadSnapshot(db: Db, id: string): Promise<ServiceSnapshot | null> {
  const row = await db.service.findUnique({ where: { id } });
  if (!row) return null;
  const [area, contacts] = await Promise.all([
    db.serviceArea.findMany({ where: { serviceId: id }, orderBy: { communeCode: "asc" } }),
    db.serviceContact.findMany({ where: { serviceId: id }, orderBy: { position: "asc" } }),
  ]);
  return {
    ...row,
    serviceArea: area.map((a) => a.communeCode),
    contacts: contacts.map(({ name, role, phone, email }) => ({ name, role, phone, email })),
  };
}

const toRow = ({ serviceArea: _a, contacts: _c, ...row }: ServiceSnapshot): Service => row;


function partnerId(value: string, argument: string): string {
  if (!PARTNER_ID.test(value)) throw badInput(`${argument} must be a partner id such as "sivom-bruaysis" (got ${JSON.stringify(value)}).`, argument);
  return value;
}

function contactList(contacts: readonly ContactPersonInput[], argument: string): ContactData[] {
  if (contacts.length > MAX_CONTACTS) throw badInput(`${argument} holds at most ${MAX_CONTACTS} people (got ${contacts.length}).`, argument);
  return contacts.map((c, i) => ({
    name: input.text(c.name, `${argument}[${i}].name`, { max: 120, required: true })!,
    role: input.text(c.role, `${argument}[${i}].role`, { max: 100 }) ?? null,
    phone: input.frenchPhone(c.phone, `${argument}[${i}].phone`) ?? null,
    email: input.email(c.email, `${argument}[${i}].email`) ?? null,
  }));
}

function areaList(codes: readonly string[], own: string, argument: string): string[] {
  if (codes.length > MAX_AREA) throw badInput(`${argument} holds at most ${MAX_AREA} communes (got ${codes.length}).`, argument);
  const checked = codes.map((code, i) => input.territoryCommune(code, `${argument}[${i}]`));
  return [...new Set(checked)].filter((code) => code !== own).sort();
}

function statusColumns(status: ServiceStatus | null | undefined, argument: string): { draft?: boolean; archivedAt?: null } {
  if (status === undefined || status === null) return {};
  if (status === "ARCHIVED") throw badInput(`${argument} may be DRAFT or PUBLISHED; archive a service with archiveService.`, argument);
  return { draft: status === "DRAFT", archivedAt: null };
}

type Fields = Omit<CreateServiceInput, "operatorId" | "status" | "contacts" | "serviceArea"> | Omit<UpdateServiceInput, "operatorId" | "status" | "contacts" | "serviceArea">;

/**
 * The checked columns of a create or an update: `current` is the stored service for an update
 * (its values complete the picture for the checks that span fields: ages, location).
 */
function checkedColumns(fields: Fields, current: Service | null): Prisma.ServiceUncheckedUpdateInput & { communeCode?: string } {
  const data: Prisma.ServiceUncheckedUpdateInput & { communeCode?: string } = {};
  const set = <K extends keyof typeof data>(key: K, value: (typeof data)[K] | undefined) => {
    if (value !== undefined) data[key] = value;
  };
  set("name", input.text(fields.name, "input.name", { max: 200, required: true }) ?? undefined);
  if (fields.type === null) throw badInput("input.type cannot be cleared.", "input.type");
  if (fields.type) set("type", fields.type);
  if (fields.axis === null && !fields.type) throw badInput("input.axis cannot be cleared.", "input.axis");
  // The axis follows the type unless given.
  set("axis", fields.axis ?? (fields.type ? SERVICE_TYPES[fields.type].axis : undefined));
  set("description", input.text(fields.description, "input.description", { max: 2000, multiline: true }));
  if (fields.communeCode === null) throw badInput("input.communeCode cannot be cleared: a service stands in a commune.", "input.communeCode");
  if (fields.communeCode !== undefined) set("communeCode", input.territoryCommune(fields.communeCode, "input.communeCode"));
  set("address", input.text(fields.address, "input.address", { max: 300 }));
  const commune = communeByInsee((data.communeCode ?? current?.communeCode)!)!;
  if (fields.location === null) {
    set("lat", null);
    set("lon", null);
  } else if (fields.location !== undefined) {
    const point = input.coordinates(fields.location, "input.location");
    const km = distanceKm(point, commune);
    if (km > MAX_KM_FROM_COMMUNE) {
      throw badInput(`input.location is ${Math.round(km)} km from the centre of ${commune.name}; a service stands within ${MAX_KM_FROM_COMMUNE} km of its commune (latitude and longitude swapped?).`, "input.location");
    }
    set("lat", point.lat);
    set("lon", point.lon);
  } else if (data.communeCode && current?.lat != null && current.lon != null) {
    // Moved to another commune, location kept: it must still stand near its (new) commune.
    const km = distanceKm({ lat: current.lat, lon: current.lon }, commune);
    if (km > MAX_KM_FROM_COMMUNE) {
      throw badInput(`input.communeCode: the service's location is ${Math.round(km)} km from the centre of ${commune.name}; give its new input.location too (or null).`, "input.communeCode");
    }
  }
  const min = fields.ageMinMonths !== undefined ? fields.ageMinMonths : (current?.ageMinMonths ?? null);
  const max = fields.ageMaxMonths !== undefined ? fields.ageMaxMonths : (current?.ageMaxMonths ?? null);
  input.ageRange(min, max, { min: "input.ageMinMonths", max: "input.ageMaxMonths" });
  set("ageMinMonths", fields.ageMinMonths);
  set("ageMaxMonths", fields.ageMaxMonths);
  set("phone", input.frenchPhone(fields.phone, "input.phone"));
  set("email", input.email(fields.email, "input.email"));
  set("website", input.webUrl(fields.website, "input.website"));
  set("openingHours", input.openingHours(fields.openingHours, "input.openingHours"));
  set("capacity", input.wholeNumber(fields.capacity, "input.capacity", 0, 10_000));
  return data;
}

export async function createService(ctx: Context, args: { input: CreateServiceInput }): Promise<Service> {
  const { identity, requestId } = ctx;
  const prisma = ctx.db.prisma;
  requireEditor(identity, "create a service");
  const given = args.input.operatorId == null ? null : partnerId(args.input.operatorId, "input.operatorId");
  if (!given && identity.role === "ADMIN") throw badInput("input.operatorId is required: name the partner that runs the service.", "input.operatorId");
  const operatorId = given ?? identity.partnerId!;
  const id = `svc-${randomUUID()}`;
  await authorizeAudited(prisma, { entityType: ENTITY, entityId: id, identity, requestId, action: "CREATE", attempted: args.input }, () =>
    requireEditorOf(identity, operatorId, `create a service run by ${operatorId}`),
  );
  const { operatorId: _o, status, contacts, serviceArea, ...fields } = args.input;
  const data = checkedColumns(fields, null);
  const commune = data.communeCode!;
  const area = areaList(serviceArea ?? [], commune, "input.serviceArea");
  const people = contactList(contacts ?? [], "input.contacts");
  const created = await createAudited(prisma, {
    entityType: ENTITY,
    entityId: id,
    identity,
    requestId,
    write: async (tx) => {
      await tx.service.create({
        data: {
          ...(data as Prisma.ServiceUncheckedCreateInput),
          id,
          operatorId,
          draft: statusColumns(status ?? "DRAFT", "input.status").draft,
          source: `ctg-hub:${operatorId}`,
          area: { create: area.map((code) => ({ communeCode: code })) },
          contacts: { create: people.map((p, position) => ({ ...p, position })) },
        },
      });
      return (await loadSnapshot(tx, id))!;
    },
  });
  return toRow(created);
}

/** The stored service for a change, refused when it is absent or the caller may not change it. */
async function serviceToChange(ctx: Context, id: string, expectedVersion: number, action: "UPDATE" | "ARCHIVE", attempted: unknown): Promise<ServiceSnapshot> {
  const { identity, requestId } = ctx;
  requireEditor(identity, action === "UPDATE" ? "update a service" : "archive a service");
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    throw badInput(`expectedVersion must be the service's version as last read, a whole number from 1 (got ${expectedVersion}).`, "expectedVersion");
  }
  const current = await loadSnapshot(ctx.db.prisma, id);
  if (!current) throw notFound(`No service has the id ${JSON.stringify(id)}.`, "id");
  await authorizeAudited(ctx.db.prisma, { entityType: ENTITY, entityId: id, identity, requestId, action, attempted }, () =>
    requireEditorOf(identity, current.operatorId, `${action === "UPDATE" ? "change" : "archive"} service ${id}, run by ${current.operatorId}`),
  );
  return current;
}

export async function updateService(ctx: Context, args: { id: string; expectedVersion: number; input: UpdateServiceInput }): Promise<Service> {
  const { identity, requestId } = ctx;
  const prisma = ctx.db.prisma;
  const current = await serviceToChange(ctx, args.id, args.expectedVersion, "UPDATE", args.input);
  const { operatorId, status, contacts, serviceArea, ...fields } = args.input;
  if (Object.values(args.input).every((v) => v === undefined)) throw badInput("input changes nothing: give at least one field to change.", "input");
  const data = checkedColumns(fields, current);
  if (operatorId === null) throw badInput("input.operatorId cannot be cleared: a service is run by a partner.", "input.operatorId");
  if (operatorId !== undefined && operatorId !== current.operatorId) {
    partnerId(operatorId, "input.operatorId");
    await authorizeAudited(prisma, { entityType: ENTITY, entityId: args.id, identity, requestId, action: "UPDATE", attempted: args.input }, () => {
      if (identity.role !== "ADMIN") throw forbidden(`Only an ADMIN may move service ${args.id} to another partner (input.operatorId).`);
    });
    data.operatorId = operatorId;
  }
  Object.assign(data, statusColumns(status, "input.status"));
  const commune = data.communeCode ?? current.communeCode;
  const area = serviceArea === null ? [] : serviceArea !== undefined ? areaList(serviceArea, commune, "input.serviceArea") : undefined;
  const people = contacts === null ? [] : contacts !== undefined ? contactList(contacts, "input.contacts") : undefined;
  // Contact persons stay in ServiceContact, seen by staff only: never in `contactName`, which is
  // the public contact a data·inclusion listing gives and which the export publishes.
  const changed = await changeVersioned(prisma, {
    entityType: ENTITY,
    entityId: args.id,
    identity,
    requestId,
    action: "UPDATE",
    expectedVersion: args.expectedVersion,
    current,
    attempted: args.input,
    reload: () => loadSnapshot(prisma, args.id),
    write: async (tx) => {
      const { count } = await tx.service.updateMany({ where: { id: args.id, version: args.expectedVersion }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) return null;
      if (area) {
        await tx.serviceArea.deleteMany({ where: { serviceId: args.id } });
        await tx.serviceArea.createMany({ data: area.map((code) => ({ serviceId: args.id, communeCode: code })) });
      }
      if (people) {
        await tx.serviceContact.deleteMany({ where: { serviceId: args.id } });
        await tx.serviceContact.createMany({ data: people.map((p, position) => ({ ...p, position, serviceId: args.id })) });
      }
      return loadSnapshot(tx, args.id);
    },
  });
  return toRow(changed);
}

export async function archiveService(ctx: Context, args: { id: string; expectedVersion: number }): Promise<Service> {
  const { identity, requestId } = ctx;
  const prisma = ctx.db.prisma;
  const current = await serviceToChange(ctx, args.id, args.expectedVersion, "ARCHIVE", { archived: true });
  if (current.archivedAt) throw badInput(`Service ${args.id} is already archived (since ${current.archivedAt.toISOString()}).`, "id");
  const changed = await changeVersioned(prisma, {
    entityType: ENTITY,
    entityId: args.id,
    identity,
    requestId,
    action: "ARCHIVE",
    expectedVersion: args.expectedVersion,
    current,
    attempted: { archived: true },
    reload: () => loadSnapshot(prisma, args.id),
    write: async (tx) => {
      const { count } = await tx.service.updateMany({ where: { id: args.id, version: args.expectedVersion }, data: { archivedAt: new Date(), version: { increment: 1 } } });
      return count === 0 ? null : loadSnapshot(tx, args.id);
    },
  });
  return toRow(changed);
}

