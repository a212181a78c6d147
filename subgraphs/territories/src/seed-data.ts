import { communes, DEPARTEMENT_CODE, epci } from "@ctg/territory-data/communes";
import type { PrismaClient } from "./generated/prisma/client.ts";

const SOURCE = "reference:@etalab/decoupage-administratif 6.0.0 (INSEE) + centres IGN Admin Express 2018";

/** Loads the 100 real communes and their EPCI. Idempotent: re-running updates in place. */
export async function seedTerritories(prisma: PrismaClient): Promise<{ communes: number; epcis: number }> {
  await prisma.$transaction([
    prisma.epci.upsert({
      where: { siren: epci.siren },
      create: { siren: epci.siren, name: epci.name, source: SOURCE },
      update: { name: epci.name, source: SOURCE },
    }),
    ...communes.map((c) => {
      const data = {
        name: c.name,
        postalCodes: c.postalCodes,
        population: c.population,
        lat: c.lat,
        lon: c.lon,
        departementCode: DEPARTEMENT_CODE,
        epciSiren: epci.siren,
        source: SOURCE,
      };
      return prisma.commune.upsert({ where: { code: c.code }, create: { code: c.code, ...data }, update: data });
    }),
  ]);
  return { communes: communes.length, epcis: 1 };
}

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.commune.count()) === 0;
}
