import type { MutationResolvers } from "../generated/graphql.ts";
import { updateCommune, updateEpci } from "../mutations.ts";

export const Mutation: MutationResolvers = {
  updateCommune: (_, args, ctx) => updateCommune(ctx, args),
  updateEpci: (_, args, ctx) => updateEpci(ctx, args),
};
