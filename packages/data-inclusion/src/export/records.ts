import { dateText } from "@ctg/kit/bulk-insert";
import type { ImportedPartnerFields } from "@ctg/subgraph-partners/src/data-inclusion.ts";
import { communeByInsee } from "@ctg/territory-data";
import { splitAddress } from "../address.ts";
import { formatAgeRange } from "../ages.ts";
import { publishedId } from "../ids.ts";
import type { ServiceFields } from "../import/resolve.ts";
import { NETWORKS_OF_KIND } from "../partner-kind.ts";
import { toE164Phone } from "../phone.ts";
import type { Service, Structure } from "../records.ts";
import { SAMPLE_NOTICE } from "../sample-notice.ts";
import { LISTING_OF_TYPE } from "../service-type.ts";
import { zoneOf } from "../territory.ts";
import { formatProblems, validateService, validateStructure, type Validation } from "../validate.ts";
import { HUB_SOURCE } from "../vocabulary.ts";
import { FRAIS_OF_TYPE, listingName, partnerDescription, publicsOf, serviceDescription } from "./listing.ts";

/**
 * The exporter's input is what an import fills (ImportedPartnerFields, ServiceFields: the export
 * writes the same fields back, so a round trip keeps them) plus the hub's own bookkeeping below.
 */
interface HubRecord {
  id: string;
  source: string;
  updatedAt: Date;
  sourceUpdatedOn: Date | null;
}

/** A partner as the exporter reads it (a row of the partners database). */
export type PartnerForExport = Omit<ImportedPartnerFields, "siren"> & HubRecord;

/** A service as the exporter reads it (a row of the services database, with its area). Its description may be empty in the hub. */
export type ServiceForExport = Omit<ServiceFields, "axis" | "description"> & HubRecord & { description: string | null; operatorId: string; area: string[] };

const isSample = (source: string) => source.startsWith("sample:");

/** Where the hub's one address line and commune say a record is, in data·inclusion's fields. */
function place(address: string | null, communeCode: string | null) {
  const commune = communeCode ? communeByInsee(communeCode) : undefined;
  const parts = splitAddress(address);
  return {
    adresse: parts?.adresse,
    code_postal: parts?.code_postal ?? (commune?.postalCodes.length === 1 ? commune.postalCodes[0] : undefined),
    commune: parts?.commune ?? commune?.name,
    code_insee: commune?.code,
  };
}

/**
 * A record the rules accept: optional fields that break a rule (a malformed e-mail typed into the
 * hub, say) are left out rather than losing the whole record; a required one that breaks a rule
 * makes the record unpublishable, with the reason.
 */
function conform<T>(record: Record<string, unknown>, validate: (raw: unknown) => Validation<T>, required: readonly string[]): Validation<T> {
  const first = validate(record);
  if (first.ok || first.problems.some((p) => required.includes(p.field))) return first;
  const trimmed = { ...record };
  for (const p of first.problems) delete trimmed[p.field];
  return validate(trimmed);
}

const withoutEmpty = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)));

export function structureRecord(partner: PartnerForExport): Validation<Structure> {
  const description = partnerDescription(partner.name, partner.kind);
  const record = withoutEmpty({
    source: HUB_SOURCE,
    id: publishedId(partner.id),
    nom: listingName(partner.name),
    description: isSample(partner.source) ? `${SAMPLE_NOTICE}${description}` : description,
    date_maj: dateText(partner.sourceUpdatedOn ?? partner.updatedAt),
    siret: partner.siret,
    ...place(partner.address, partner.communeCode),
    telephone: partner.phone ? toE164Phone(partner.phone) : null,
    courriel: partner.email,
    site_web: partner.website,
    reseaux_porteurs: NETWORKS_OF_KIND[partner.kind],
  });
  return conform(record, validateStructure, ["source", "id", "nom", "description", "date_maj"]);
}

export function serviceRecord(service: ServiceForExport): Validation<Service> {
  const listing = LISTING_OF_TYPE[service.type];
  const description = isSample(service.source) ? `${SAMPLE_NOTICE}${service.description ?? ""}` : service.description;
  const located = service.lat !== null && service.lon !== null;
  const record = withoutEmpty({
    source: HUB_SOURCE,
    structure_id: publishedId(service.operatorId),
    id: publishedId(service.id),
    nom: listingName(service.name),
    description: serviceDescription(description, service.type, service.communeCode),
    date_maj: dateText(service.sourceUpdatedOn ?? service.updatedAt),
    type: listing.type,
    thematiques: listing.thematiques,
    frais: FRAIS_OF_TYPE[service.type],
    publics: publicsOf(service.type),
    publics_precisions: formatAgeRange(service),
    ...place(service.address, service.communeCode),
    longitude: located ? service.lon : null,
    latitude: located ? service.lat : null,
    telephone: service.phone ? toE164Phone(service.phone) : null,
    courriel: service.email,
    modes_accueil: ["en-presentiel"],
    zone_eligibilite: zoneOf(service.area.length ? service.area : [service.communeCode]),
    contact_nom_prenom: service.contactName,
    lien_mobilisation: service.website,
    horaires_accueil: service.openingHours,
  });
  return conform(record, validateService, ["source", "structure_id", "id", "nom", "description", "date_maj"]);
}

export const problemsOf = <T>(validation: Validation<T>) => (validation.ok ? "" : formatProblems(validation.problems));
