import { recordKey } from "../ids.ts";
import { detach, InputError, readJsonArray } from "../json-file.ts";
import type { Progress } from "../progress.ts";
import type { Service, Structure } from "../records.ts";
import { hasLocation, territoryCommuneOf, zoneTouchesTerritory } from "../territory.ts";
import { formatProblems, validateService, validateStructure } from "../validate.ts";
import { MAX_LISTED_INVALID, type InvalidRecord } from "./report.ts";

/** A valid service that may concern the territory: located there, or placed by its structure. */
export interface ServiceCandidate {
  index: number;
  record: Service;
  /** Its commune among the 100; null when it gives no place of its own (its structure's is used). */
  communeCode: string | null;
}

export interface StructureCandidate {
  index: number;
  record: Structure;
}

/**
 * What the two files hold for the territory. Only records that concern it are kept: memory grows
 * with the territory's share of a file, not with the file.
 */
export interface FileContents {
  read: { structures: number; services: number };
  services: Map<string, ServiceCandidate>;
  /** Structures offering a kept service, by record key. */
  structures: Map<string, StructureCandidate>;
  /** Why a structure that kept services need is invalid, by record key. */
  invalidStructures: Map<string, string>;
  /** Keys of invalid services: the hub keeps its copy of those (lenient mode) rather than archive it. */
  invalidServiceKeys: Set<string>;
  /** Sources of the valid records of each file: what the file speaks for when records go missing. */
  serviceSources: Set<string>;
  structureSources: Set<string>;
  /** Of `knownStructureKeys`, those still in the structures file. */
  structureKeysSeen: Set<string>;
  invalid: InvalidRecord[];
  invalidCount: number;
  outsideTerritory: number;
  structuresWithoutService: number;
}

const idOf = (raw: unknown): string | null => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
};
const keyOf = (raw: unknown): string | null => {
  const { source, id } = (raw ?? {}) as { source?: unknown; id?: unknown };
  return typeof source === "string" && typeof id === "string" ? detach(recordKey(source.trim(), id.trim())) : null;
};
const hasField = (raw: unknown, field: string) => typeof raw === "object" && raw !== null && field in raw;
const usedTwice = (record: { source: string; id: string }, first: { index: number }) =>
  `id: « ${record.id} » is used twice in source « ${record.source} » (also record #${first.index})`;

/** Counts an invalid record, and lists it (detached from the stream's buffers) while the list is under MAX_LISTED_INVALID. */
export function addInvalid(contents: FileContents, record: InvalidRecord): void {
  contents.invalidCount++;
  if (contents.invalid.length < MAX_LISTED_INVALID) contents.invalid.push(detach(record));
}

export async function readFiles(
  files: { structures: string; services: string },
  options: { progress: Progress; knownStructureKeys: ReadonlySet<string> },
): Promise<FileContents> {
  const contents: FileContents = {
    read: { structures: 0, services: 0 },
    services: new Map(),
    structures: new Map(),
    invalidStructures: new Map(),
    invalidServiceKeys: new Set(),
    serviceSources: new Set(),
    structureSources: new Set(),
    structureKeysSeen: new Set(),
    invalid: [],
    invalidCount: 0,
    outsideTerritory: 0,
    structuresWithoutService: 0,
  };

  // Services first: they say which structures the territory needs.
  const neededStructures = new Set<string>();
  let withStructureId = 0;
  options.progress.phase("reading services");
  for await (const raw of readJsonArray(files.services, "services", (p) => options.progress.update(p.bytesRead, p.totalBytes, contents.read.services))) {
    const index = ++contents.read.services;
    if (hasField(raw, "structure_id")) withStructureId++;
    const checked = validateService(raw);
    if (!checked.ok) {
      addInvalid(contents, { file: "services", index, id: idOf(raw), reason: formatProblems(checked.problems) });
      const key = keyOf(raw);
      if (key) contents.invalidServiceKeys.add(key);
      continue;
    }
    const service = checked.record;
    if (!contents.serviceSources.has(service.source)) contents.serviceSources.add(detach(service.source));
    const key = recordKey(service.source, service.id);
    let communeCode: string | null = null;
    if (hasLocation(service)) {
      communeCode = territoryCommuneOf(service);
      if (!communeCode) {
        contents.outsideTerritory++;
        continue;
      }
    } else if (service.zone_eligibilite && !zoneTouchesTerritory(service.zone_eligibilite)) {
      contents.outsideTerritory++;
      continue;
    }
    const first = contents.services.get(key);
    if (first) {
      addInvalid(contents, { file: "services", index, id: service.id, reason: usedTwice(service, first) });
      continue;
    }
    const kept = detach(service);
    contents.services.set(recordKey(kept.source, kept.id), { index, record: kept, communeCode });
    neededStructures.add(recordKey(kept.source, kept.structure_id));
  }
  options.progress.done();
  if (contents.read.services > 0 && withStructureId === 0) {
    throw new InputError(`The services file ${files.services} holds no record with a structure_id: is it a structures file? The arguments are <structures.json> <services.json>.`);
  }

  let servicesShaped = 0;
  options.progress.phase("reading structures");
  for await (const raw of readJsonArray(files.structures, "structures", (p) => options.progress.update(p.bytesRead, p.totalBytes, contents.read.structures))) {
    const index = ++contents.read.structures;
    if (hasField(raw, "structure_id")) servicesShaped++;
    const rawKey = keyOf(raw);
    if (rawKey && options.knownStructureKeys.has(rawKey)) contents.structureKeysSeen.add(rawKey);
    const checked = validateStructure(raw);
    if (!checked.ok) {
      const reason = formatProblems(checked.problems);
      addInvalid(contents, { file: "structures", index, id: idOf(raw), reason });
      if (rawKey && neededStructures.has(rawKey)) contents.invalidStructures.set(rawKey, detach(reason));
      continue;
    }
    const structure = checked.record;
    if (!contents.structureSources.has(structure.source)) contents.structureSources.add(detach(structure.source));
    const key = recordKey(structure.source, structure.id);
    if (!neededStructures.has(key)) {
      contents.structuresWithoutService++;
      continue;
    }
    const first = contents.structures.get(key);
    if (first) {
      addInvalid(contents, { file: "structures", index, id: structure.id, reason: usedTwice(structure, first) });
      continue;
    }
    const kept = detach(structure);
    contents.structures.set(recordKey(kept.source, kept.id), { index, record: kept });
  }
  options.progress.done();
  if (contents.read.structures > 0 && servicesShaped === contents.read.structures) {
    throw new InputError(`The structures file ${files.structures} holds services (every record has a structure_id): the arguments are <structures.json> <services.json>.`);
  }
  return contents;
}
