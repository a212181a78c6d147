import type { SeedOptions } from "@ctg/kit";
import { CURRENT_CTG_ID, sampleTerritory } from "@ctg/territory-data";
import type { PrismaClient } from "./generated/prisma/client.ts";

/**
 * Loads the real institutions, the 100 communes as partners, the sample operators, the two
 * conventions and their parties. Idempotent: partners and conventions are updated in place,
 * parties are added when missing.
 */
export async function seedPartners(prisma: PrismaClient, options: SeedOptions): Promise<string> {
  const territory = sampleTerritory(options);
  const operatorIds = new Set(territory.services.map((s) => s.operatorId));
  await prisma.$transaction(
    [
      ...territory.partners.map(({ id, ...data }) => prisma.partner.upsert({ where: { id }, create: { id, ...data }, update: data })),
      ...territory.conventions.map(({ id, signatoryIds, engagedIds, ...c }) => {
        const data = {
          name: c.name,
          periodStart: new Date(c.periodStart),
          periodEnd: new Date(c.periodEnd),
          signedOn: c.signedOn ? new Date(c.signedOn) : null,
          axes: c.axes,
          source: c.source,
        };
        return prisma.convention.upsert({ where: { id }, create: { id, ...data }, update: data });
      }),
    ],
  );
  type Party = { conventionId: string; partnerId: string; role: "SIGNATAIRE" | "ENGAGE" | "OPERATEUR" };
  const parties: Party[] = territory.conventions.flatMap((c): Party[] => [
    ...c.signatoryIds.map((partnerId) => ({ conventionId: c.id, partnerId, role: "SIGNATAIRE" as const })),
    ...c.engagedIds.map((partnerId) => ({ conventionId: c.id, partnerId, role: "ENGAGE" as const })),
  ]);
  for (const partnerId of [...operatorIds].sort()) parties.push({ conventionId: CURRENT_CTG_ID, partnerId, role: "OPERATEUR" });
  const created = await prisma.conventionParty.createMany({ data: parties, skipDuplicates: true });
  return `${territory.partners.length} partners, ${territory.conventions.length} conventions, ${created.count} new convention parties`;
}

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.partner.count()) === 0;
}
