import { listen, onShutdown } from "@ctg/kit";
import { createGatewayServer } from "./server.ts";
import { loadSupergraph, subgraphUrlsFromEnv } from "./supergraph.ts";

const port = Number(process.env.GATEWAY_PORT ?? 4000);
const { apollo, http } = await createGatewayServer(loadSupergraph(subgraphUrlsFromEnv()));
const edge = await listen(http, port, process.env.HOST ?? "127.0.0.1");
console.log(`gateway ready at ${edge.url}`);
onShutdown(async () => {
  await edge.close();
  await apollo.stop();
});
