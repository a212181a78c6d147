import { listFundings, totalFundings } from "../fundings.ts";
import type { QueryResolvers } from "../generated/graphql.ts";
import { fundingAuditTrail } from "../mutations.ts";

export const Query: QueryResolvers = {
  fundings: (_, { filter, first, offset }, { db }) => listFundings(db.prisma, { filter, first, offset }),
  fundingTotal: (_, { filter }, { db }) => totalFundings(db.prisma, filter),
  fundingAuditTrail: (_, args, context) => fundingAuditTrail(context, args),
};
