import { subgraphConfig } from "@ctg/kit";
import { seedTerritories } from "./seed-data.ts";
import { openTerritoriesDb, packageDir } from "./server.ts";

const config = subgraphConfig("territories", 4002, packageDir);
const db = await openTerritoriesDb({ url: config.databaseUrl, dataDir: config.dataDir, seedWhenEmpty: false });
try {
  const report = await seedTerritories(db.prisma);
  console.log(`territories seeded (${db.kind}: ${db.location}): ${report.communes} communes, ${report.epcis} EPCI`);
} finally {
  await db.close();
}
