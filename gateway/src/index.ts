import { listen, onShutdown, peerUrlsFromEnv } from "@ctg/kit";
import { ConfigError, gatewayConfigFromEnv, type GatewayConfig } from "./config.ts";
import { createGatewayServer } from "./server.ts";
import { loadSupergraph } from "./supergraph.ts";

let config: GatewayConfig;
try {
  config = gatewayConfigFromEnv();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
if (!config.gatewaySecret) console.warn("CTG_GATEWAY_SECRET is not set: subgraphs will answer only if they run with CTG_SUBGRAPH_OPEN=1.");

const port = Number(process.env.GATEWAY_PORT ?? 4000);
const { apollo, http } = await createGatewayServer(loadSupergraph(peerUrlsFromEnv()), config);
const edge = await listen(http, port, process.env.HOST ?? "127.0.0.1");
const tokens = [config.auth.hs256Secret ? "HS256" : null, config.auth.jwksUrl ? `RS256 (${config.auth.jwksUrl})` : null].filter(Boolean).join(" and ");
console.log(`gateway ready at ${edge.url} (${config.mode} mode; tokens ${tokens || "none"})`);
onShutdown(async () => {
  await edge.close();
  await apollo.stop();
});
