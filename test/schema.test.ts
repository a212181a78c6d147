import { readFileSync } from "node:fs";
import { AXES, FUNDING_MECHANISMS, PARTNER_KINDS, SERVICE_TYPE_CODES } from "@ctg/territory-data/vocabulary";
import { buildASTSchema, GraphQLEnumType, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { API_SCHEMA_PATH, compose, SUPERGRAPH_PATH } from "../schema/compose.ts";

const enumValues = (sdlFile: string, name: string): string[] => {
  const sdl = readFileSync(sdlFile, "utf8");
  const match = sdl.match(new RegExp(`enum ${name} \\{([\\s\\S]*?)\\}`));
  if (!match) throw new Error(`no enum ${name} in ${sdlFile}`);
  return match[1]
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^[A-Z_]+$/.test(l));
};

describe("the schema", () => {
  it("commits a supergraph and an API schema identical to a fresh composition of the four subgraphs", () => {
    const fresh = compose();
    expect(readFileSync(SUPERGRAPH_PATH, "utf8")).toBe(fresh.supergraphSdl);
    expect(readFileSync(API_SCHEMA_PATH, "utf8")).toBe(fresh.apiSdl);
  });

  it("exposes exactly the service types and axes of the shared vocabulary table, in SDL and in Prisma", () => {
    expect(enumValues("subgraphs/services/schema.graphql", "ServiceType")).toEqual(SERVICE_TYPE_CODES);
    expect(enumValues("subgraphs/services/prisma/schema.prisma", "ServiceType")).toEqual(SERVICE_TYPE_CODES);
    for (const file of ["subgraphs/services/schema.graphql", "subgraphs/partners/schema.graphql", "subgraphs/partners/prisma/schema.prisma"]) {
      expect(enumValues(file, "Axis")).toEqual([...AXES]);
    }
    expect(enumValues("subgraphs/funding/schema.graphql", "FundingMechanism")).toEqual([...FUNDING_MECHANISMS]);
    expect(enumValues("subgraphs/partners/schema.graphql", "PartnerKind")).toEqual([...PARTNER_KINDS]);
  });

  it("keeps the contract's minimum fields in the supergraph's API", () => {
    const supergraph = readFileSync(SUPERGRAPH_PATH, "utf8");
    const api = buildASTSchema(parse(supergraph), { assumeValidSDL: true });
    const fields = (type: string) => Object.keys((api.getType(type) as { getFields(): object }).getFields());
    expect(fields("Commune")).toEqual(expect.arrayContaining(["code", "name", "postalCodes", "population", "location", "epci", "services", "ctgEngaged", "partners", "fundingPerInhabitant"]));
    expect(fields("Partner")).toEqual(expect.arrayContaining(["id", "name", "kind", "siren", "website", "phone", "email", "address", "commune", "ctgRoles", "operatedServices", "fundingsGranted", "fundingsReceived"]));
    expect(fields("Service")).toEqual(expect.arrayContaining(["id", "name", "type", "axis", "description", "operator", "commune", "address", "location", "serviceArea", "ageMinMonths", "ageMaxMonths", "phone", "email", "website", "openingHours", "capacity", "source", "updatedAt", "fundings"]));
    expect(fields("Convention")).toEqual(expect.arrayContaining(["id", "name", "periodStart", "periodEnd", "signedOn", "signatories", "engagedPartners", "axes", "fundingTotal"]));
    expect(fields("Funding")).toEqual(expect.arrayContaining(["id", "funder", "recipient", "service", "convention", "mechanism", "year", "amount", "label"]));
    expect(fields("Query")).toEqual(expect.arrayContaining(["commune", "communes", "epci", "partner", "partners", "convention", "conventions", "service", "services", "fundings"]));
    expect(api.getType("CtgRole")).toBeInstanceOf(GraphQLEnumType);
  });
});
