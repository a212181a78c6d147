import { listen, onShutdown, subgraphConfig } from "@ctg/kit";
import { createTerritoriesServer, openTerritoriesDb, packageDir } from "./server.ts";

const config = subgraphConfig("territories", 4002, packageDir);
const db = await openTerritoriesDb({ url: config.databaseUrl, dataDir: config.dataDir });
const { http } = await createTerritoriesServer(db);
const edge = await listen(http, config.port, config.host);
console.log(`territories subgraph ready at ${edge.url} (${db.kind}: ${db.location})`);
onShutdown(async () => {
  await edge.close();
  await db.close();
});
