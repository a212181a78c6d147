import { auditEntryResolvers, scalarResolvers } from "@ctg/kit";
import type { Resolvers } from "../generated/graphql.ts";
import { Commune } from "./Commune.ts";
import { Mutation } from "./Mutation.ts";
import { Partner } from "./Partner.ts";
import { Query } from "./Query.ts";
import { Service } from "./Service.ts";

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  JSON: scalarResolvers.JSON,
  Query,
  Mutation,
  Service,
  Partner,
  Commune,
  AuditEntry: auditEntryResolvers("services"),
};
