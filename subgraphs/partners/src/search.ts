import { assertPageSize, normalizeName } from "@ctg/kit";
import { Prisma, type Partner, type PartnerKind, type PrismaClient } from "./generated/prisma/client.ts";

const MIN_SCORE = 0.3;
const MIN_WORD_SCORE = 0.6;

/** Institutions first when scores tie: « CAF » means the CAF, not an association named after it. */
const KIND_PRIORITY = `CASE kind WHEN 'CAF' THEN 0 WHEN 'DEPARTEMENT' THEN 0 WHEN 'MSA' THEN 0 WHEN 'EPCI' THEN 0 WHEN 'SIVOM' THEN 1 WHEN 'ETAT' THEN 1 WHEN 'COMMUNE' THEN 2 ELSE 3 END`;

/**
 * Partners by name or alias: accent-folded trigram similarity on the whole name, an alias, or a
 * well-matching part of either; best first, institutions before others on ties.
 */
export async function searchPartners(
  prisma: PrismaClient,
  args: { kind?: PartnerKind | null; search?: string | null; first?: number | null },
): Promise<Partner[]> {
  const limit = assertPageSize(args.first) ?? 100;
  const text = normalizeName(args.search ?? "");
  if (!text) {
    return prisma.partner.findMany({ where: args.kind ? { kind: args.kind } : {}, orderBy: { name: "asc" }, take: limit });
  }
  const kindFilter = args.kind ? Prisma.sql`AND kind = ${args.kind}::"PartnerKind"` : Prisma.empty;
  return prisma.$queryRaw<Partner[]>`
    SELECT id, name, kind::text AS kind, aliases, siren, website, phone, email, address, "communeCode", source, "updatedAt"
    FROM (
      SELECT p.*, (
        SELECT max(GREATEST(
                 similarity(n, ${text}),
                 CASE WHEN word_similarity(${text}, n) >= ${MIN_WORD_SCORE} THEN word_similarity(${text}, n) - 0.05 ELSE 0 END))
        FROM unnest(array_prepend(p.name, p.aliases)) AS label,
             LATERAL (SELECT lower(unaccent(translate(label, '-''’', '   '))) AS n) AS normalized
      ) AS score
      FROM "Partner" p
      WHERE true ${kindFilter}
    ) AS scored
    WHERE score >= ${MIN_SCORE}
    ORDER BY score DESC, ${Prisma.raw(KIND_PRIORITY)}, name, id
    LIMIT ${limit}`;
}
