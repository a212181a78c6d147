import { checkYear } from "../fundings.ts";
import type { ServiceResolvers } from "../generated/graphql.ts";

export const Service: ServiceResolvers = {
  fundings: ({ id }, { year }, { loaders }) => loaders.fundingsByService.load({ id, year: checkYear(year) }),
};
