import type { ConventionResolvers } from "../generated/graphql.ts";

export const Convention: ConventionResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.conventionById.load(id),
  signatories: ({ id }, _, { loaders }) => loaders.signatories.load(id),
  engagedPartners: ({ id }, _, { loaders }) => loaders.engagedPartners.load(id),
  engagedCommunes: async ({ id }, _, { loaders }) =>
    (await loaders.engagedPartners.load(id)).flatMap((p) => (p.kind === "COMMUNE" && p.communeCode ? [{ code: p.communeCode }] : [])),
};
