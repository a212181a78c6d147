import type { MutationResolvers } from "../generated/graphql.ts";
import { correctFunding, recordFunding } from "../mutations.ts";

export const Mutation: MutationResolvers = {
  recordFunding: (_, { input }, context) => recordFunding(context, input),
  correctFunding: (_, args, context) => correctFunding(context, args),
};
