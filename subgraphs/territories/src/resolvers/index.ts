import { auditEntryResolvers, scalarResolvers } from "@ctg/kit";
import type { Resolvers } from "../generated/graphql.ts";
import { Commune } from "./Commune.ts";
import { Epci } from "./Epci.ts";
import { Mutation } from "./Mutation.ts";
import { Query } from "./Query.ts";

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  JSON: scalarResolvers.JSON,
  Query,
  Mutation,
  Commune,
  Epci,
  AuditEntry: auditEntryResolvers("territories"),
};
