import DataLoader from "dataloader";
import type { Commune, Epci, PrismaClient } from "./generated/prisma/client.ts";

/** Per-request batching: N references to communes or EPCIs cost one statement each kind. */
export function createLoaders(prisma: PrismaClient) {
  return {
    communeByCode: new DataLoader<string, Commune | null>(async (codes) => {
      const rows = await prisma.commune.findMany({ where: { code: { in: [...codes] } } });
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    epciBySiren: new DataLoader<string, Epci | null>(async (sirens) => {
      const rows = await prisma.epci.findMany({ where: { siren: { in: [...sirens] } } });
      const bySiren = new Map(rows.map((r) => [r.siren, r]));
      return sirens.map((s) => bySiren.get(s) ?? null);
    }),
    communesByEpci: new DataLoader<string, Commune[]>(async (sirens) => {
      const rows = await prisma.commune.findMany({ where: { epciSiren: { in: [...sirens] } }, orderBy: { name: "asc" } });
      return sirens.map((s) => rows.filter((r) => r.epciSiren === s));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
