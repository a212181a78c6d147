import type { MutationResolvers } from "../generated/graphql.ts";
import { updatePartner } from "../mutations.ts";

export const Mutation: MutationResolvers = {
  updatePartner: (_, args, ctx) => updatePartner(ctx, args),
};
