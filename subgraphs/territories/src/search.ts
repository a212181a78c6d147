import { assertPageSize, normalizeName } from "@ctg/kit";
import type { Commune, PrismaClient } from "./generated/prisma/client.ts";

/** Below this score a name is not offered as a match. */
const MIN_SCORE = 0.3;
const MIN_WORD_SCORE = 0.6;

/**
 * Commune search as DORA does it: a number is a postal or INSEE code prefix; a name is matched on
 * accent-folded, lower-cased words by trigram similarity (whole name or best-matching part, so
 * « bruay » finds Bruay-la-Buissière), best score first, then the most populous.
 */
export async function searchCommunes(prisma: PrismaClient, search: string | null | undefined, first: number | null | undefined): Promise<Commune[]> {
  const limit = assertPageSize(first) ?? 20;
  const text = (search ?? "").trim();
  if (!text) return prisma.commune.findMany({ orderBy: { name: "asc" }, take: limit });

  const digits = text.replace(/\s+/g, "");
  if (/^\d{1,5}$/.test(digits) || /^2[AB]\d{0,3}$/i.test(digits)) {
    return prisma.$queryRaw<Commune[]>`
      SELECT * FROM "Commune"
      WHERE code LIKE ${digits.toUpperCase() + "%"}
         OR EXISTS (SELECT 1 FROM unnest("postalCodes") AS p WHERE p LIKE ${digits + "%"})
      ORDER BY (code = ${digits}) DESC, population DESC NULLS LAST, code
      LIMIT ${limit}`;
  }

  const query = normalizeName(text);
  if (!query) return [];
  return prisma.$queryRaw<Commune[]>`
    SELECT c.code, c.name, c."postalCodes", c.population, c.lat, c.lon, c."departementCode", c."epciSiren", c.source, c."updatedAt" FROM (
      SELECT *, GREATEST(
               similarity(n, ${query}),
               -- A part of the name (« bruay », « noeux ») counts only when it matches well.
               CASE WHEN word_similarity(${query}, n) >= ${MIN_WORD_SCORE} THEN word_similarity(${query}, n) - 0.05 ELSE 0 END
             ) AS score
      FROM (SELECT *, lower(unaccent(translate(name, '-''’', '   '))) AS n FROM "Commune") AS named
    ) AS c
    WHERE c.score >= ${MIN_SCORE}
    ORDER BY c.score DESC, c.population DESC NULLS LAST, c.code
    LIMIT ${limit}`;
}
