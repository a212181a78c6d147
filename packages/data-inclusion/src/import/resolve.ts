import type { ImportedPartnerFields } from "@ctg/subgraph-partners/src/data-inclusion.ts";
import { SERVICE_TYPES, type Axis, type ServiceType } from "@ctg/territory-data";
import { joinAddress } from "../address.ts";
import { parseAgeRange } from "../ages.ts";
import { recordKey } from "../ids.ts";
import { partnerKindOf } from "../partner-kind.ts";
import { toDisplayPhone } from "../phone.ts";
import type { Service, Structure } from "../records.ts";
import { readSampleNotice } from "../sample-notice.ts";
import { axisOf, serviceTypeOf } from "../service-type.ts";
import { hasLocation, serviceAreaOf, territoryCommuneOf } from "../territory.ts";
import { addInvalid, type FileContents } from "./read.ts";

export interface StructureDraft {
  key: string;
  source: string;
  id: string;
  updatedOn: string;
  isSample: boolean;
  networks: readonly string[];
  fields: ImportedPartnerFields;
}

/** A service's fields as a data·inclusion service gives them (capacity, for one, is not in the format). */
export interface ServiceFields {
  name: string;
  type: ServiceType;
  axis: Axis;
  description: string;
  communeCode: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  openingHours: string | null;
  contactName: string | null;
}

export interface ServiceDraft {
  key: string;
  source: string;
  id: string;
  structureKey: string;
  updatedOn: string;
  isSample: boolean;
  fields: ServiceFields;
  /** Communes served, its own included, sorted. */
  area: string[];
}

export interface Resolution {
  services: ServiceDraft[];
  structures: Map<string, StructureDraft>;
  withoutLocation: number;
  notAFamilyService: number;
  /** Services placed by a structure outside the territory. */
  outsideTerritory: number;
}

const placeOf = (record: Service | Structure) => ({
  address: joinAddress(record),
  lat: record.latitude != null && record.longitude != null ? record.latitude : null,
  lon: record.latitude != null && record.longitude != null ? record.longitude : null,
});

/** A partner's fields as a data·inclusion structure gives them; its commune only among the 100 (elsewhere the address still says where it is). */
function partnerFields(structure: Structure): ImportedPartnerFields {
  return {
    name: structure.nom,
    kind: partnerKindOf(structure.reseaux_porteurs, structure.nom),
    siren: structure.siret ? structure.siret.slice(0, 9) : null,
    siret: structure.siret ?? null,
    website: structure.site_web ?? null,
    phone: structure.telephone ? toDisplayPhone(structure.telephone) : null,
    email: structure.courriel ?? null,
    address: joinAddress(structure),
    communeCode: territoryCommuneOf(structure),
  };
}

/**
 * Turns the kept records into the hub's fields: the service type (mapping table), the commune and
 * area (zone_eligibilite), the address line, ages, contacts. Services whose structure is missing
 * or invalid become invalid themselves; the counts of what is left out go to the report.
 */
export function resolveContents(contents: FileContents): Resolution {
  const resolution: Resolution = { services: [], structures: new Map(), withoutLocation: 0, notAFamilyService: 0, outsideTerritory: 0 };
  const invalid = (index: number, id: string, key: string, reason: string) => {
    addInvalid(contents, { file: "services", index, id, reason });
    contents.invalidServiceKeys.add(key);
  };

  for (const [key, candidate] of contents.services) {
    const service = candidate.record;
    const structureKey = recordKey(service.source, service.structure_id);
    const structureProblem = contents.invalidStructures.get(structureKey);
    if (structureProblem) {
      invalid(candidate.index, service.id, key, `structure_id: its structure « ${service.structure_id} » is invalid (${structureProblem})`);
      continue;
    }
    const structure = contents.structures.get(structureKey)?.record;
    if (!structure) {
      invalid(candidate.index, service.id, key, `structure_id: « ${service.structure_id} » is not in the structures file (source « ${service.source} »)`);
      continue;
    }
    // A service that gives no place of its own is at its structure's.
    const ownPlace = hasLocation(service) || !!service.adresse || service.latitude != null;
    const communeCode = candidate.communeCode ?? (ownPlace ? null : territoryCommuneOf(structure));
    if (!communeCode) {
      if (!ownPlace && hasLocation(structure)) resolution.outsideTerritory++;
      else resolution.withoutLocation++;
      continue;
    }
    const type = serviceTypeOf({ name: service.nom, thematiques: service.thematiques, networks: structure.reseaux_porteurs });
    if (!type) {
      resolution.notAFamilyService++;
      continue;
    }
    const { description, isSample } = readSampleNotice(service.description);
    const place = placeOf(ownPlace ? service : structure);
    const ages = parseAgeRange(service.publics_precisions) ?? { ageMinMonths: SERVICE_TYPES[type].ageMinMonths, ageMaxMonths: SERVICE_TYPES[type].ageMaxMonths };
    resolution.services.push({
      key,
      source: service.source,
      id: service.id,
      structureKey,
      updatedOn: service.date_maj,
      isSample,
      fields: {
        name: service.nom,
        type,
        axis: axisOf(type),
        description,
        communeCode,
        ...place,
        ...ages,
        phone: service.telephone ? toDisplayPhone(service.telephone) : null,
        email: service.courriel ?? null,
        website: service.lien_mobilisation ?? null,
        openingHours: service.horaires_accueil ?? structure.horaires_accueil ?? null,
        contactName: service.contact_nom_prenom ?? null,
      },
      area: serviceAreaOf(service.zone_eligibilite, communeCode),
    });
    if (!resolution.structures.has(structureKey)) {
      resolution.structures.set(structureKey, {
        key: structureKey,
        source: structure.source,
        id: structure.id,
        updatedOn: structure.date_maj,
        isSample: readSampleNotice(structure.description).isSample,
        networks: structure.reseaux_porteurs ?? [],
        fields: partnerFields(structure),
      });
    }
  }
  return resolution;
}
