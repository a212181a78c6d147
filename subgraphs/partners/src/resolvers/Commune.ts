import type { CommuneResolvers } from "../generated/graphql.ts";

export const Commune: CommuneResolvers = {
  ctgEngaged: ({ code }, _, { loaders }) => loaders.communeEngaged.load(code),
  partners: ({ code }, _, { loaders }) => loaders.partnersByCommune.load(code),
};
