import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Resolver types for each subgraph (federation-aware, mapped to its Prisma rows) and typed
 * documents for the bot's operations. Run by `pnpm generate`; the output is git-ignored.
 */
const subgraph = (name: string, ownMappers: Record<string, string>): CodegenConfig["generates"] => {
  // Every subgraph keeps its audit trail in the same shape (packages/kit/src/audit.ts).
  const mappers = { AuditEntry: "@ctg/kit#AuditRow", ...ownMappers };
  return {
    [`subgraphs/${name}/src/generated/graphql.ts`]: {
      schema: `subgraphs/${name}/schema.graphql`,
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: "../context.ts#Context",
        mappers,
        scalars: { Date: "string | Date", DateTime: "string | Date", Decimal: "string | { toFixed(digits: number): string }", JSON: "unknown" },
        enumsAsTypes: true,
        avoidOptionals: { field: false, inputValue: false, object: false, defaultValue: false },
        maybeValue: "T | null | undefined",
        inputMaybeValue: "T | null | undefined",
        resolverTypeWrapperSignature: "T | Promise<T>",
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
        importExtension: ".ts",
      },
    },
  };
};

const prismaRow = (_subgraph: string, model: string) => `./prisma/client.ts#${model} as ${model}Row`;

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...subgraph("territories", {
      Commune: prismaRow("territories", "Commune"),
      Epci: prismaRow("territories", "Epci"),
    }),
    ...subgraph("partners", {
      Partner: prismaRow("partners", "Partner"),
      Convention: prismaRow("partners", "Convention"),
      Commune: "../references.ts#CommuneRef",
    }),
    ...subgraph("services", {
      Service: "../rows.ts#ServiceRow",
      Partner: "../references.ts#PartnerRef",
      Commune: "../references.ts#CommuneRef",
    }),
    ...subgraph("funding", {
      Funding: prismaRow("funding", "Funding"),
      Service: "../references.ts#ServiceRef",
      Partner: "../references.ts#PartnerRef",
      Convention: "../references.ts#ConventionRef",
      Commune: "../references.ts#CommuneRef",
    }),
    "bot/src/generated/": {
      schema: "schema/api.graphql",
      documents: ["bot/src/operations/*.graphql"],
      preset: "client",
      // persisted-documents.json (SHA-256 → text) is the gateway's safelist for the bot's client;
      // each document carries its hash in `__meta__.hash`.
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" } },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: "string", DateTime: "string", Decimal: "string", JSON: "unknown" },
      },
    },
  },
};

export default config;
