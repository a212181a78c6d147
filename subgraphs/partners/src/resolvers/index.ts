import { auditEntryResolvers, scalarResolvers } from "@ctg/kit";
import type { Resolvers } from "../generated/graphql.ts";
import { Commune } from "./Commune.ts";
import { Convention } from "./Convention.ts";
import { Mutation } from "./Mutation.ts";
import { Partner } from "./Partner.ts";
import { Query } from "./Query.ts";

export const resolvers: Resolvers = {
  Date: scalarResolvers.Date,
  DateTime: scalarResolvers.DateTime,
  JSON: scalarResolvers.JSON,
  Query,
  Mutation,
  Partner,
  Convention,
  Commune,
  AuditEntry: auditEntryResolvers("partners"),
};
