import { CURRENT_CTG_ID } from "@ctg/territory-data/partners";
import DataLoader from "dataloader";
import type { Convention, CtgRole, Partner, PrismaClient } from "./generated/prisma/client.ts";

const byKey = <K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] => {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
};

const groupBy = <K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] => {
  const map = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((k) => map.get(k) ?? []);
};

/** Per-request batching: each loader costs one statement per batch, whatever the number of keys. */
export function createLoaders(prisma: PrismaClient) {
  const partiesOfRole = (role: CtgRole) =>
    new DataLoader<string, Partner[]>(async (conventionIds) => {
      const parties = await prisma.conventionParty.findMany({
        where: { conventionId: { in: [...conventionIds] }, role },
        include: { partner: true },
        orderBy: { partner: { name: "asc" } },
      });
      return groupBy(conventionIds, parties, (p) => p.conventionId).map((list) => list.map((p) => p.partner));
    });

  return {
    partnerById: new DataLoader<string, Partner | null>(async (ids) =>
      byKey(ids, await prisma.partner.findMany({ where: { id: { in: [...ids] } } }), (p) => p.id),
    ),
    conventionById: new DataLoader<string, Convention | null>(async (ids) =>
      byKey(ids, await prisma.convention.findMany({ where: { id: { in: [...ids] } } }), (c) => c.id),
    ),
    currentRolesByPartner: new DataLoader<string, CtgRole[]>(async (partnerIds) => {
      const parties = await prisma.conventionParty.findMany({
        where: { conventionId: CURRENT_CTG_ID, partnerId: { in: [...partnerIds] } },
        orderBy: { role: "asc" },
      });
      return groupBy(partnerIds, parties, (p) => p.partnerId).map((list) => list.map((p) => p.role));
    }),
    signatories: partiesOfRole("SIGNATAIRE"),
    engagedPartners: partiesOfRole("ENGAGE"),
    /** Whether each commune's own partner record is engaged in the current CTG. */
    communeEngaged: new DataLoader<string, boolean>(async (codes) => {
      const parties = await prisma.conventionParty.findMany({
        where: { conventionId: CURRENT_CTG_ID, role: "ENGAGE", partner: { kind: "COMMUNE", communeCode: { in: [...codes] } } },
        select: { partner: { select: { communeCode: true } } },
      });
      const engaged = new Set(parties.map((p) => p.partner.communeCode));
      return codes.map((c) => engaged.has(c));
    }),
    partnersByCommune: new DataLoader<string, Partner[]>(async (codes) =>
      groupBy(
        codes,
        await prisma.partner.findMany({ where: { communeCode: { in: [...codes] } }, orderBy: [{ kind: "asc" }, { name: "asc" }] }),
        (p) => p.communeCode!,
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
