import { checkYear } from "../fundings.ts";
import type { PartnerResolvers } from "../generated/graphql.ts";

export const Partner: PartnerResolvers = {
  fundingsGranted: ({ id }, { year }, { loaders }) => loaders.fundingsGranted.load({ id, year: checkYear(year) }),
  fundingsReceived: ({ id }, { year }, { loaders }) => loaders.fundingsReceived.load({ id, year: checkYear(year) }),
};
