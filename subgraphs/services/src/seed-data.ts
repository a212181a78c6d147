import type { SeedOptions } from "@ctg/kit";
import { sampleTerritory } from "@ctg/territory-data";
import type { PrismaClient } from "./generated/prisma/client.ts";

const CHUNK = 1000;

/**
 * Loads the sample services (and the real facilities found in public sources). Idempotent:
 * services already present are left as they are, so edits made since are never overwritten;
 * `--scale N` adds the extra services of a larger sample.
 */
export async function seedServices(prisma: PrismaClient, options: SeedOptions): Promise<string> {
  const { services } = sampleTerritory(options);
  let created = 0;
  let areas = 0;
  for (let i = 0; i < services.length; i += CHUNK) {
    const chunk = services.slice(i, i + CHUNK);
    await prisma.$transaction(async (tx) => {
      const result = await tx.service.createMany({ data: chunk.map(({ serviceArea: _area, ...s }) => s), skipDuplicates: true });
      const areaRows = chunk.flatMap((s) => s.serviceArea.map((communeCode) => ({ serviceId: s.id, communeCode })));
      const areaResult = await tx.serviceArea.createMany({ data: areaRows, skipDuplicates: true });
      created += result.count;
      areas += areaResult.count;
    });
  }
  return `${created} new services (${services.length} in the sample), ${areas} new service-area rows`;
}

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.service.count()) === 0;
}
