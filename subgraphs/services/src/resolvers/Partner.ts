import type { PartnerResolvers } from "../generated/graphql.ts";
import { requestedStatuses, canSee, statusOf } from "../visibility.ts";

export const Partner: PartnerResolvers = {
  operatedServices: async ({ id }, { statuses }, { loaders, identity }) => {
    const wanted = new Set(requestedStatuses(identity, statuses));
    const rows = await loaders.servicesByOperator.load(id);
    return rows.filter((row) => wanted.has(statusOf(row)) && canSee(identity, row));
  },
};
