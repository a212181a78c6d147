import { dateText } from "@ctg/kit/bulk-insert";
import { normalizeName } from "@ctg/kit/text";
import type {
  ImportedPartnerFields,
  ImportedPartnerSnapshot,
  ImportPartnerRow as PartnerRow,
  PartnerImportPlan,
} from "@ctg/subgraph-partners/src/data-inclusion.ts";
import type { ServicesDb } from "../databases.ts";
import { hubIdOf, importedId, recordKey } from "../ids.ts";
import type { FileContents } from "./read.ts";
import type { Resolution, ServiceDraft, ServiceFields, StructureDraft } from "./resolve.ts";

const SERVICE_COLUMNS = {
  id: true, name: true, type: true, axis: true, description: true, operatorId: true, communeCode: true, address: true,
  lat: true, lon: true, ageMinMonths: true, ageMaxMonths: true, phone: true, email: true, website: true, openingHours: true,
  contactName: true, originSource: true, originId: true, sourceUpdatedOn: true, archivedAt: true,
  area: { select: { communeCode: true } },
} as const;

type DataSource = { source: string; id: string; updatedOn: string };
export type ServiceCreate = ServiceFields & {
  id: string; operatorId: string; source: string; originSource: string; originId: string; sourceUpdatedOn: Date; area: string[];
};
export type ServiceChange = ServiceFields & { operatorId: string; sourceUpdatedOn?: Date; archivedAt: null };

/** The partners' half of a plan (written by the partners team's code), with what the report counts. */
export interface PartnerPlan extends Omit<PartnerImportPlan, "now"> {
  unchanged: number;
  /** Partners already in the hub, not created by this source, that operate imported services. */
  reused: number;
  operatorOf: Map<string, string>;
}

export interface ServicePlan {
  create: ServiceCreate[];
  update: { id: string; data: ServiceChange; area: string[]; areaChanged: boolean }[];
  archive: string[];
  unchanged: number;
  olderThanStored: number;
}

/**
 * What an import will write, worked out from the files and the databases before anything is
 * written: the same plan serves a dry run, the strict mode's all-or-nothing write, and its undo.
 */
export interface ImportPlan {
  partners: PartnerPlan;
  services: ServicePlan;
  /** The archive date written by this import. */
  now: Date;
}

const day = (date: string) => new Date(`${date}T00:00:00.000Z`);
const isoDay = (date: Date | null) => (date ? dateText(date) : null);
const sourceText = (record: DataSource, isSample = false) => `${isSample ? "sample:" : ""}data·inclusion:${record.source}/${record.id}`;

/** Keys of the structures this hub created partners from: an import tells which are gone. */
export const knownStructureKeys = (rows: readonly PartnerRow[]) =>
  new Set(rows.flatMap((r) => (r.originSource && r.originId ? [recordKey(r.originSource, r.originId)] : [])));

/** Appends to the list of `key` in place (spreading a copy each time is quadratic in the list's length). */
function addTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const PARTNER_FIELDS = ["name", "kind", "siren", "siret", "website", "phone", "email", "address", "communeCode"] as const satisfies readonly (keyof ImportedPartnerFields)[];

/** A partner as it was before an update: what the undo puts back. */
function partnerSnapshot(row: PartnerRow): ImportedPartnerSnapshot {
  const fields = Object.fromEntries(PARTNER_FIELDS.map((k) => [k, row[k]])) as unknown as ImportedPartnerFields;
  return { ...fields, sourceUpdatedOn: row.sourceUpdatedOn, archivedAt: row.archivedAt, updatedAt: row.updatedAt };
}

function samePartner(row: PartnerRow, fields: ImportedPartnerFields): boolean {
  return PARTNER_FIELDS.every((k) => row[k] === fields[k]);
}

/** Finds the hub partner of a structure: own id, origin, SIRET, SIREN, then name (or alias) and commune. */
function partnerMatcher(rows: readonly PartnerRow[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byOrigin = new Map(rows.filter((r) => r.originSource && r.originId).map((r) => [recordKey(r.originSource!, r.originId!), r]));
  const group = (key: (r: PartnerRow) => readonly (string | null)[]) => {
    const map = new Map<string, PartnerRow[]>();
    for (const r of rows) for (const k of key(r)) if (k) addTo(map, k, r);
    return map;
  };
  const bySiret = group((r) => [r.siret]);
  const bySiren = group((r) => [r.siren]);
  const byName = group((r) => [...new Set([r.name, ...r.aliases].map(normalizeName))]);
  const single = (found: PartnerRow[] | undefined) => (found?.length === 1 ? found[0] : undefined);

  return (draft: StructureDraft): PartnerRow | undefined => {
    const hubId = hubIdOf(draft.source, draft.id);
    if (hubId && byId.has(hubId)) return byId.get(hubId);
    const own = byOrigin.get(draft.key);
    if (own) return own;
    const { siret, siren, name, communeCode } = draft.fields;
    const bySiretMatch = siret ? single(bySiret.get(siret)) : undefined;
    if (bySiretMatch) return bySiretMatch;
    const bySirenMatch = siren ? single(bySiren.get(siren)) : undefined;
    if (bySirenMatch) return bySirenMatch;
    const named = (byName.get(normalizeName(name)) ?? []).filter((r) => !r.communeCode || !communeCode || r.communeCode === communeCode);
    return named.find((r) => r.communeCode === communeCode) ?? named[0];
  };
}

function planPartners(rows: readonly PartnerRow[], resolution: Resolution): PartnerPlan {
  const plan: PartnerPlan = { create: [], update: [], archive: [], unchanged: 0, reused: 0, operatorOf: new Map() };
  const match = partnerMatcher(rows);
  const takenIds = new Set(rows.map((r) => r.id));
  for (const draft of resolution.structures.values()) {
    const row = match(draft);
    if (!row) {
      let id = importedId(draft.source, draft.id, draft.fields.name);
      while (takenIds.has(id)) id = `${id}-2`;
      takenIds.add(id);
      plan.create.push({
        id, ...draft.fields, aliases: [], source: sourceText(draft, draft.isSample), originSource: draft.source, originId: draft.id, sourceUpdatedOn: day(draft.updatedOn),
      });
      plan.operatorOf.set(draft.key, id);
      continue;
    }
    plan.operatorOf.set(draft.key, row.id);
    const owned = row.originSource === draft.source && row.originId === draft.id;
    if (!owned) {
      plan.reused++;
      continue;
    }
    const stored = isoDay(row.sourceUpdatedOn);
    if ((stored && draft.updatedOn < stored) || (samePartner(row, draft.fields) && stored === draft.updatedOn && row.archivedAt === null)) {
      plan.unchanged++;
      continue;
    }
    plan.update.push({ id: row.id, data: { ...draft.fields, sourceUpdatedOn: day(draft.updatedOn), archivedAt: null }, previous: partnerSnapshot(row) });
  }
  return plan;
}

type ServiceRow = Awaited<ReturnType<typeof loadServices>>[number];

async function loadServices(db: ServicesDb, drafts: readonly ServiceDraft[]) {
  const hubIds = drafts.flatMap((d) => hubIdOf(d.source, d.id) ?? []);
  const bySource = new Map<string, string[]>();
  for (const d of drafts) addTo(bySource, d.source, d.id);
  const queries = [];
  const CHUNK = 5_000;
  for (let i = 0; i < hubIds.length; i += CHUNK) queries.push({ id: { in: hubIds.slice(i, i + CHUNK) } });
  for (const [source, ids] of bySource) {
    for (let i = 0; i < ids.length; i += CHUNK) queries.push({ originSource: source, originId: { in: ids.slice(i, i + CHUNK) } });
  }
  const rows = [];
  for (const where of queries) rows.push(...(await db.prisma.service.findMany({ where, select: SERVICE_COLUMNS })));
  return rows;
}

const FIELD_NAMES = [
  "name", "type", "axis", "description", "communeCode", "address", "lat", "lon", "ageMinMonths", "ageMaxMonths",
  "phone", "email", "website", "openingHours", "contactName",
] as const satisfies readonly (keyof ServiceFields)[];

const areaOf = (row: ServiceRow) => row.area.map((a) => a.communeCode).sort();
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

async function planServices(db: ServicesDb, resolution: Resolution, contents: FileContents, operatorOf: Map<string, string>): Promise<ServicePlan> {
  const plan: ServicePlan = { create: [], update: [], archive: [], unchanged: 0, olderThanStored: 0 };
  const rows = await loadServices(db, resolution.services);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byOrigin = new Map(rows.filter((r) => r.originSource && r.originId).map((r) => [recordKey(r.originSource!, r.originId!), r]));

  for (const draft of resolution.services) {
    const operatorId = operatorOf.get(draft.structureKey)!;
    const hubId = hubIdOf(draft.source, draft.id);
    const row = (hubId ? byId.get(hubId) : undefined) ?? byOrigin.get(draft.key);
    if (!row) {
      plan.create.push({
        id: importedId(draft.source, draft.id, draft.fields.name), ...draft.fields, operatorId, area: draft.area,
        source: sourceText(draft, draft.isSample), originSource: draft.source, originId: draft.id, sourceUpdatedOn: day(draft.updatedOn),
      });
      continue;
    }
    // The hub's own records (no origin) keep no producer date: only their content is compared.
    const owned = row.originSource !== null;
    const stored = isoDay(row.sourceUpdatedOn);
    if (owned && stored && draft.updatedOn < stored) {
      plan.olderThanStored++;
      continue;
    }
    const areaChanged = !sameList(areaOf(row), draft.area);
    const same =
      FIELD_NAMES.every((k) => row[k] === draft.fields[k]) &&
      row.operatorId === operatorId &&
      row.archivedAt === null &&
      !areaChanged &&
      (!owned || stored === draft.updatedOn);
    if (same) {
      plan.unchanged++;
      continue;
    }
    plan.update.push({
      id: row.id,
      data: { ...draft.fields, operatorId, archivedAt: null, ...(owned ? { sourceUpdatedOn: day(draft.updatedOn) } : {}) },
      area: draft.area,
      areaChanged,
    });
  }

  // Records gone from the file (or now outside the territory, or no longer a family service) are archived.
  const kept = new Set([...resolution.services.map((d) => d.key), ...contents.invalidServiceKeys]);
  if (contents.serviceSources.size) {
    const active = await db.prisma.service.findMany({
      where: { originSource: { in: [...contents.serviceSources] }, archivedAt: null },
      select: { id: true, originSource: true, originId: true },
      orderBy: { id: "asc" },
    });
    plan.archive = active.filter((r) => !kept.has(recordKey(r.originSource!, r.originId!))).map((r) => r.id);
  }
  return plan;
}

/** Partners this hub created from structures now gone from their file, unless they still run a service. */
async function partnersToArchive(db: ServicesDb, rows: readonly PartnerRow[], contents: FileContents, services: ServicePlan): Promise<PartnerPlan["archive"]> {
  const gone = rows.filter(
    (r) => r.archivedAt === null && r.originSource && r.originId && contents.structureSources.has(r.originSource) && !contents.structureKeysSeen.has(recordKey(r.originSource, r.originId)),
  );
  if (!gone.length) return [];
  const archived = new Set(services.archive);
  const stillRunning = await db.prisma.service.findMany({
    where: { operatorId: { in: gone.map((r) => r.id) }, archivedAt: null },
    select: { id: true, operatorId: true },
  });
  const busy = new Set(stillRunning.filter((s) => !archived.has(s.id)).map((s) => s.operatorId));
  for (const s of services.create) busy.add(s.operatorId);
  for (const s of services.update) busy.add(s.data.operatorId);
  return gone.filter((r) => !busy.has(r.id)).map((r) => ({ id: r.id, updatedAt: r.updatedAt }));
}

/** The partners' writes of a plan, as the partners team's code takes them. */
export const partnerWrites = (plan: ImportPlan): PartnerImportPlan => ({ create: plan.partners.create, update: plan.partners.update, archive: plan.partners.archive, now: plan.now });

export async function planImport(dbs: { services: ServicesDb }, partnerRows: readonly PartnerRow[], resolution: Resolution, contents: FileContents): Promise<ImportPlan> {
  const partners = planPartners(partnerRows, resolution);
  const services = await planServices(dbs.services, resolution, contents, partners.operatorOf);
  partners.archive = await partnersToArchive(dbs.services, partnerRows, contents, services);
  return { partners, services, now: new Date() };
}
