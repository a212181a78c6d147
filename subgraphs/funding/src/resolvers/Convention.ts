import { checkYear } from "../fundings.ts";
import type { ConventionResolvers } from "../generated/graphql.ts";

export const Convention: ConventionResolvers = {
  fundingTotal: ({ id }, { year, mechanism }, { loaders }) =>
    loaders.conventionTotal.load({ id, year: checkYear(year), mechanism: mechanism ?? undefined }),
};
