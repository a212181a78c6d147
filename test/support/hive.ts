import { print, type DocumentNode, type ExecutionResult } from "graphql";
import type { GatewayConfig } from "@graphql-hive/gateway-runtime";

/**
 * Hive Gateway plans and merges the federated query itself, but sends each subgraph request through
 * a "transport" it loads by kind; for `http` that is `import("@graphql-mesh/transport-http")`, a
 * package the runtime does not depend on and the hub does not install. This is the smallest http
 * transport that does the same job for the tests: one POST of `{ query, variables, operationName }`
 * to the subgraph's routing URL, the JSON answer returned as is (errors included, for the gateway
 * to map).
 */
type Transports = NonNullable<GatewayConfig<Record<string, any>>["transports"]>;

interface SubgraphRequest {
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export const httpTransport = {
  getSubgraphExecutor({ transportEntry }: { transportEntry: { subgraph: string; location?: string } }) {
    const url = transportEntry.location;
    if (!url) throw new Error(`Subgraph ${transportEntry.subgraph} has no routing URL in the supergraph`);
    return async (request: SubgraphRequest): Promise<ExecutionResult> => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
        body: JSON.stringify({ query: print(request.document), variables: request.variables ?? {}, operationName: request.operationName }),
      });
      return (await response.json()) as ExecutionResult;
    };
  },
};

export const hiveTransports = { http: httpTransport } as unknown as Transports;
