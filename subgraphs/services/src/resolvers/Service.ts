import { forbidden, maySeeRestricted } from "@ctg/kit";
import type { ServiceResolvers } from "../generated/graphql.ts";
import { canSee, statusOf } from "../visibility.ts";

export const Service: ServiceResolvers = {
  __resolveReference: async ({ id }, { loaders, identity }) => {
    const row = await loaders.serviceById.load(id);
    return row && canSee(identity, row) ? row : null;
  },
  operator: ({ operatorId }) => ({ id: operatorId }),
  commune: ({ communeCode }) => ({ code: communeCode }),
  location: ({ lat, lon }) => (lat == null || lon == null ? null : { lat, lon }),
  serviceArea: async ({ id, communeCode }, _, { loaders }) => {
    const codes = await loaders.areaByService.load(id);
    return [...new Set([communeCode, ...codes])].map((code) => ({ code }));
  },
  isSample: ({ source }) => source.startsWith("sample:"),
  status: (row) => statusOf(row),
  contacts: async ({ id, operatorId, contactName }, _, { loaders, identity }) => {
    if (!maySeeRestricted(identity, operatorId)) {
      throw forbidden("Contact persons are seen only by partner staff, the operating partner's editors and administrators.");
    }
    const people = await loaders.contactsByService.load(id);
    // An imported listing names one contact (data·inclusion contact_nom_prenom) and nothing more.
    if (!people.length && contactName) return [{ name: contactName, role: null, phone: null, email: null }];
    return people;
  },
};
