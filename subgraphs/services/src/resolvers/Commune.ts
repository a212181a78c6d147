import type { CommuneResolvers } from "../generated/graphql.ts";

export const Commune: CommuneResolvers = {
  services: ({ code }, { types, axes }, { loaders }) => loaders.servicesByCommune.load({ code, types, axes }),
};
