import { DecimalScalar } from "@ctg/kit";
import type { Resolvers } from "../generated/graphql.ts";
import { Commune } from "./Commune.ts";
import { Convention } from "./Convention.ts";
import { Funding } from "./Funding.ts";
import { Partner } from "./Partner.ts";
import { Query } from "./Query.ts";
import { Service } from "./Service.ts";

export const resolvers: Resolvers = { Query, Funding, Service, Partner, Convention, Commune, Decimal: DecimalScalar };
