import { dataInclusionFields } from "../data-inclusion.ts";
import type { QueryResolvers } from "../generated/graphql.ts";
import { partnerAuditTrail } from "../mutations.ts";
import { searchPartners } from "../search.ts";

export const Query: QueryResolvers = {
  partner: (_, { id }, { loaders }) => loaders.partnerById.load(id),
  partners: (_, args, { db }) => searchPartners(db.prisma, args),
  convention: (_, { id }, { loaders }) => loaders.conventionById.load(id),
  conventions: (_, __, { db }) => db.prisma.convention.findMany({ orderBy: { periodStart: "desc" } }),
  partnerAuditTrail: (_, args, ctx) => partnerAuditTrail(ctx, args),
  dataInclusionImportPartners: (_, __, ctx) => dataInclusionFields.partners(ctx),
  dataInclusionExistingPartners: (_, { ids }, ctx) => dataInclusionFields.existing(ctx, ids),
};
