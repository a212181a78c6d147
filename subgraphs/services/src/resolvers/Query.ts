import type { QueryResolvers } from "../generated/graphql.ts";
import { encodeCursor, searchServices } from "../search.ts";

export const Query: QueryResolvers = {
  service: (_, { id }, { loaders }) => loaders.serviceById.load(id),
  services: async (_, args, { db }) => {
    const page = await searchServices(db.prisma, args);
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
};
