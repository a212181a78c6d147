import { auditEntryResolvers, DecimalScalar, scalarResolvers } from "@ctg/kit";
import type { Resolvers } from "../generated/graphql.ts";
import { Commune } from "./Commune.ts";
import { Convention } from "./Convention.ts";
import { Funding } from "./Funding.ts";
import { Mutation } from "./Mutation.ts";
import { Partner } from "./Partner.ts";
import { Query } from "./Query.ts";
import { Service } from "./Service.ts";

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Funding,
  Service,
  Partner,
  Convention,
  Commune,
  AuditEntry: auditEntryResolvers("funding"),
  Decimal: DecimalScalar,
  DateTime: scalarResolvers.DateTime,
  JSON: scalarResolvers.JSON,
};
