import type { EpciResolvers } from "../generated/graphql.ts";

export const Epci: EpciResolvers = {
  __resolveReference: ({ siren }, { loaders }) => loaders.epciBySiren.load(siren),
  communes: ({ siren }, _, { loaders }) => loaders.communesByEpci.load(siren),
  population: async ({ siren }, _, { loaders }) => {
    const members = await loaders.communesByEpci.load(siren);
    return members.reduce((sum, c) => sum + (c.population ?? 0), 0);
  },
};
