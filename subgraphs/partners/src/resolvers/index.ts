import { scalarResolvers } from "@ctg/kit";
import type { Resolvers } from "../generated/graphql.ts";
import { Commune } from "./Commune.ts";
import { Convention } from "./Convention.ts";
import { Partner } from "./Partner.ts";
import { Query } from "./Query.ts";

export const resolvers: Resolvers = { Date: scalarResolvers.Date, Query, Partner, Convention, Commune };
