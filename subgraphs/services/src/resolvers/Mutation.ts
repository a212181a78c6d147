import type { MutationResolvers } from "../generated/graphql.ts";
import { runDataInclusionImport } from "../data-inclusion-import.ts";
import { archiveService, createService, updateService } from "../mutations.ts";

export const Mutation: MutationResolvers = {
  createService: (_, args, ctx) => createService(ctx, args),
  updateService: (_, args, ctx) => updateService(ctx, args),
  archiveService: (_, args, ctx) => archiveService(ctx, args),
  importDataInclusion: (_, { input }, ctx) => runDataInclusionImport(ctx, input),
};
