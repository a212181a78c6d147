import type { Resolvers } from "../generated/graphql.ts";
import { Commune } from "./Commune.ts";
import { Epci } from "./Epci.ts";
import { Query } from "./Query.ts";

export const resolvers: Resolvers = { Query, Commune, Epci };
