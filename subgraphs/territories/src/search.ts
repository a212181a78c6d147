import { assertPageSize, normalizeName } from "@ctg/kit";
import type { Commune, PrismaClient } from "./generated/prisma/client.ts";

/** Below this score a name is not offered as a match. */
const MIN_SCORE = 0.3;

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
    SELECT c.* FROM (
      SELECT *, GREATEST(
               similarity(lower(unaccent(translate(name, '-''’', '   '))), ${query}),
               word_similarity(${query}, lower(unaccent(translate(name, '-''’', '   ')))) - 0.05
             ) AS score
      FROM "Commune"
    ) AS c
    WHERE c.score >= ${MIN_SCORE}
    ORDER BY c.score DESC, c.population DESC NULLS LAST, c.code
    LIMIT ${limit}`;
}
