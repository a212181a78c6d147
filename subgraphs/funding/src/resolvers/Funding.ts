import type { FundingResolvers } from "../generated/graphql.ts";

export const Funding: FundingResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.fundingById.load(id),
  funder: ({ funderId }) => ({ id: funderId }),
  recipient: ({ recipientId }) => (recipientId ? { id: recipientId } : null),
  service: ({ serviceId }) => (serviceId ? { id: serviceId } : null),
  convention: ({ conventionId }) => (conventionId ? { id: conventionId } : null),
  commune: ({ communeCode }) => (communeCode ? { code: communeCode } : null),
};
