import { dataInclusionFields } from "../data-inclusion.ts";
import type { MutationResolvers } from "../generated/graphql.ts";
import { updatePartner } from "../mutations.ts";

export const Mutation: MutationResolvers = {
  updatePartner: (_, args, ctx) => updatePartner(ctx, args),
  applyDataInclusionImport: (_, { runId, plan }, ctx) => dataInclusionFields.apply(ctx, runId, plan),
  undoDataInclusionImport: (_, { runId, plan }, ctx) => dataInclusionFields.undo(ctx, runId, plan),
};
