import type { CommuneResolvers } from "../generated/graphql.ts";

export const Commune: CommuneResolvers = {
  __resolveReference: ({ code }, { loaders }) => loaders.communeByCode.load(code),
  location: ({ lat, lon }) => (lat === null || lon === null ? null : { lat, lon }),
  epci: ({ epciSiren }, _, { loaders }) => (epciSiren ? loaders.epciBySiren.load(epciSiren) : null),
};
