import type { SeedOptions } from "@ctg/kit";
import { CURRENT_CTG_ID, sampleTerritory, type PartnerRecord } from "@ctg/territory-data";
import type { Partner, PrismaClient } from "./generated/prisma/client.ts";

/**
 * The columns the sample does not give, as a seeded partner has them (no establishment, not
 * imported, not archived): restoring a partner puts them back too.
 */
const SEEDED_DEFAULTS = { siret: null, originSource: null, originId: null, sourceUpdatedOn: null, archivedAt: null } as const;

type PartnerData = PartnerRecord & typeof SEEDED_DEFAULTS;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

function samePartner(stored: Partner, wanted: PartnerData): boolean {
  return (
    stored.name === wanted.name &&
    stored.kind === wanted.kind &&
    sameList(stored.aliases, wanted.aliases) &&
    stored.siren === wanted.siren &&
    stored.website === wanted.website &&
    stored.phone === wanted.phone &&
    stored.email === wanted.email &&
    stored.address === wanted.address &&
    stored.communeCode === wanted.communeCode &&
    stored.source === wanted.source &&
    stored.siret === null &&
    stored.originSource === null &&
    stored.originId === null &&
    stored.sourceUpdatedOn === null &&
    stored.archivedAt === null
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Loads the real institutions, the 100 communes as partners, the sample operators, the two
 * conventions and their parties. Running it again:
 * - inserts the partners the database lacks, and puts back those still at version 1 that differ
 *   from the sample (changed behind the hub's back);
 * - leaves exactly as they are the partners edited in the hub since they were seeded (version
 *   above 1: `updatePartner` or a data·inclusion import), with their audit trail, and counts them;
 * - updates the conventions in place (they are not edited in the hub) and adds missing parties;
 * - deletes nothing: partners created by imports, and parties, stay.
 * Versions are not moved and no audit entry is written: a restored partner is as seeded.
 */
export async function seedPartners(prisma: PrismaClient, options: SeedOptions): Promise<string> {
  const territory = sampleTerritory(options);
  const operatorIds = new Set(territory.services.map((s) => s.operatorId));
  const wanted: PartnerData[] = territory.partners.map((p) => ({ ...p, ...SEEDED_DEFAULTS }));
  const stored = new Map((await prisma.partner.findMany({ where: { id: { in: wanted.map((p) => p.id) } } })).map((p) => [p.id, p]));
  const missing: PartnerData[] = [];
  const changed: PartnerData[] = [];
  let kept = 0;
  for (const partner of wanted) {
    const row = stored.get(partner.id);
    if (!row) missing.push(partner);
    else if (row.version > 1) kept++;
    else if (!samePartner(row, partner)) changed.push(partner);
  }

  const results = await prisma.$transaction([
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
    prisma.partner.createMany({ data: missing, skipDuplicates: true }),
    // One statement per partner to put back only (none on a database the seed left as it was);
    // `version: 1` again at the write, so that a partner edited since it was read above stays as edited.
    ...changed.map(({ id, ...data }) => prisma.partner.updateMany({ where: { id, version: 1 }, data })),
  ]);
  const restored = results.slice(territory.conventions.length + 1).reduce((sum, result) => sum + (result as { count: number }).count, 0);

  type Party = { conventionId: string; partnerId: string; role: "SIGNATAIRE" | "ENGAGE" | "OPERATEUR" };
  const parties: Party[] = territory.conventions.flatMap((c): Party[] => [
    ...c.signatoryIds.map((partnerId) => ({ conventionId: c.id, partnerId, role: "SIGNATAIRE" as const })),
    ...c.engagedIds.map((partnerId) => ({ conventionId: c.id, partnerId, role: "ENGAGE" as const })),
  ]);
  for (const partnerId of [...operatorIds].sort()) parties.push({ conventionId: CURRENT_CTG_ID, partnerId, role: "OPERATEUR" });
  const created = await prisma.conventionParty.createMany({ data: parties, skipDuplicates: true });
  return (
    `${territory.partners.length} partners (${missing.length} new, ${restored} restored to the sample), ` +
    `${territory.conventions.length} conventions, ${created.count} new convention parties, kept ${plural(kept, "record", "records")} edited in the hub`
  );
}

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.partner.count()) === 0;
}
