import { checkYear, perInhabitant } from "../fundings.ts";
import type { CommuneResolvers } from "../generated/graphql.ts";

export const Commune: CommuneResolvers = {
  fundingPerInhabitant: async ({ code, population }, { year }, { loaders }) => {
    checkYear(year);
    return population ? perInhabitant(await loaders.communeTotal.load({ code, year }), population) : null;
  },
};
