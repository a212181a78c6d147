import { readAudit } from "@ctg/kit";
import type { QueryResolvers } from "../generated/graphql.ts";
import { encodeCursor, searchServices } from "../search.ts";
import { canSee } from "../visibility.ts";

export const Query: QueryResolvers = {
  service: async (_, { id }, { loaders, identity }) => {
    const row = await loaders.serviceById.load(id);
    return row && canSee(identity, row) ? row : null;
  },
  services: async (_, args, { db, identity }) => {
    const page = await searchServices(db.prisma, identity, args);
    const edges = page.rows.map((node, i) => ({
      node,
      cursor: encodeCursor(page.offset + i + 1),
      distanceKm: node.distanceKm == null ? null : Math.round(node.distanceKm * 100) / 100,
    }));
    return {
      totalCount: page.totalCount,
      nodes: page.rows,
      edges,
      pageInfo: { hasNextPage: page.offset + page.rows.length < page.totalCount, endCursor: edges.at(-1)?.cursor ?? null },
    };
  },
  serviceAuditTrail: (_, { serviceId, since, first, before }, { db, identity }) =>
    readAudit(db.prisma, identity, "services", ["Service", "DataInclusionImport"], { entityId: serviceId, since, first, before }),
};
