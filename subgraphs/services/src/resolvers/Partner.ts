import type { PartnerResolvers } from "../generated/graphql.ts";

export const Partner: PartnerResolvers = {
  operatedServices: ({ id }, _, { loaders }) => loaders.servicesByOperator.load(id),
};
