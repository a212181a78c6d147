import type { QueryResolvers } from "../generated/graphql.ts";
import { territoryAuditTrail } from "../mutations.ts";
import { searchCommunes } from "../search.ts";

export const Query: QueryResolvers = {
  commune: (_, { code }, { loaders }) => loaders.communeByCode.load(code),
  communes: (_, { search, first }, { db }) => searchCommunes(db.prisma, search, first),
  epci: (_, { siren }, { loaders }) => loaders.epciBySiren.load(siren),
  epcis: (_, __, { db }) => db.prisma.epci.findMany({ orderBy: { name: "asc" } }),
  territoryAuditTrail: (_, args, ctx) => territoryAuditTrail(ctx, args),
};
