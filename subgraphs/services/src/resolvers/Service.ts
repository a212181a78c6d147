import type { ServiceResolvers } from "../generated/graphql.ts";

export const Service: ServiceResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.serviceById.load(id),
  operator: ({ operatorId }) => ({ id: operatorId }),
  commune: ({ communeCode }) => ({ code: communeCode }),
  location: ({ lat, lon }) => (lat == null || lon == null ? null : { lat, lon }),
  serviceArea: async ({ id, communeCode }, _, { loaders }) => {
    const codes = await loaders.areaByService.load(id);
    return [...new Set([communeCode, ...codes])].map((code) => ({ code }));
  },
  isSample: ({ source }) => source.startsWith("sample:"),
};
