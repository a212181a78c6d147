import type { PartnerResolvers } from "../generated/graphql.ts";

export const Partner: PartnerResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.partnerById.load(id),
  commune: ({ communeCode }) => (communeCode ? { code: communeCode } : null),
  ctgRoles: ({ id }, _, { loaders }) => loaders.currentRolesByPartner.load(id),
};
