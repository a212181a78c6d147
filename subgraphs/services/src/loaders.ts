import DataLoader from "dataloader";
import { Prisma, type PrismaClient, type Service, type ServiceContact } from "./generated/prisma/client.ts";
import type { ServiceRow } from "./rows.ts";
import { SERVICE_COLUMNS, typeAndAxisFilter } from "./search.ts";
import { PUBLISHED_SQL } from "./visibility.ts";

export interface CommuneServicesKey {
  code: string;
  types?: readonly string[] | null;
  axes?: readonly string[] | null;
}

const argsKey = (k: CommuneServicesKey) => JSON.stringify([[...(k.types ?? [])].sort(), [...(k.axes ?? [])].sort()]);

/**
 * Per-request batching: each loader costs one statement per batch, whatever the number of keys.
 * `serviceById` and `servicesByOperator` return every status: resolvers keep what the caller may see.
 */
export function createLoaders(prisma: PrismaClient) {
  return {
    serviceById: new DataLoader<string, Service | null>(async (ids) => {
      const rows = await prisma.service.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    areaByService: new DataLoader<string, string[]>(async (ids) => {
      const rows = await prisma.serviceArea.findMany({ where: { serviceId: { in: [...ids] } }, orderBy: { communeCode: "asc" } });
      const map = new Map<string, string[]>(ids.map((id) => [id, []]));
      for (const r of rows) map.get(r.serviceId)?.push(r.communeCode);
      return ids.map((id) => map.get(id)!);
    }),
    servicesByOperator: new DataLoader<string, Service[]>(async (ids) => {
      const rows = await prisma.service.findMany({ where: { operatorId: { in: [...ids] } }, orderBy: [{ name: "asc" }, { id: "asc" }] });
      return ids.map((id) => rows.filter((r) => r.operatorId === id));
    }),
    contactsByService: new DataLoader<string, ServiceContact[]>(async (ids) => {
      const rows = await prisma.serviceContact.findMany({ where: { serviceId: { in: [...ids] } }, orderBy: [{ serviceId: "asc" }, { position: "asc" }] });
      return ids.map((id) => rows.filter((r) => r.serviceId === id));
    }),
    /** Commune.services (published services only): keys sharing the same type/axis arguments are answered by one statement. */
    servicesByCommune: new DataLoader<CommuneServicesKey, ServiceRow[], string>(
      async (keys) => {
        const groups = new Map<string, CommuneServicesKey[]>();
        for (const k of keys) groups.set(argsKey(k), [...(groups.get(argsKey(k)) ?? []), k]);
        const results = new Map<string, ServiceRow[]>();
        await Promise.all(
          [...groups.values()].map(async (group) => {
            const codes = group.map((k) => k.code);
            const filters = typeAndAxisFilter(group[0].types, group[0].axes);
            const extra = filters.length ? Prisma.sql` AND ${Prisma.join(filters, " AND ")}` : Prisma.empty;
            // (service, commune) pairs from both sides of the « located in OR serving » rule, deduplicated.
            const rows = await prisma.$queryRaw<(ServiceRow & { forCommune: string })[]>`
              WITH pairs AS (
                SELECT a."serviceId" AS sid, a."communeCode" AS code FROM "ServiceArea" a WHERE a."communeCode" = ANY(${codes}::text[])
                UNION
                SELECT id, "communeCode" FROM "Service" WHERE "communeCode" = ANY(${codes}::text[])
              )
              SELECT ${SERVICE_COLUMNS}, pairs.code AS "forCommune"
              FROM pairs JOIN "Service" s ON s.id = pairs.sid
              WHERE ${PUBLISHED_SQL}${extra}
              ORDER BY pairs.code, (s."communeCode" = pairs.code) DESC, s.name, s.id`;
            for (const k of group) results.set(`${k.code}|${argsKey(k)}`, []);
            for (const { forCommune, ...row } of rows) results.get(`${forCommune}|${argsKey(group[0])}`)?.push(row);
          }),
        );
        return keys.map((k) => results.get(`${k.code}|${argsKey(k)}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.code}|${argsKey(k)}` },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
