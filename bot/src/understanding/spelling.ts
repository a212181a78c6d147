/**
 * Misspelt words put right before anything else reads them (« finence » → « finance »,
 * « acceuil » → « accueil »), unless the word is closer to a commune of the territory
 * (« Bethnue » stays for places.ts to read as Béthune).
 */
import { FuzzyDictionary } from "./fuzzy.ts";
import { KNOWN_WORDS, KNOWN_WORD_FORMS } from "./lexicon.ts";
import { PARTNER_WORDS } from "./partners.ts";
import { isPlaceNameWord, nearestTerritoryTypo } from "./places.ts";
import { SERVICE_WORDS } from "./service-types.ts";
import { isNumber, stem, type Token } from "./text.ts";

const dictionary = new FuzzyDictionary<string>();
const added = new Set<string>();
for (const word of [...SERVICE_WORDS, ...PARTNER_WORDS, ...KNOWN_WORD_FORMS]) {
  const key = stem(word);
  if (added.has(key) || key.length < 4) continue;
  added.add(key);
  dictionary.add(key, word);
}

const isKnown = (t: Token): boolean => KNOWN_WORDS.has(t.stem) || SERVICE_WORDS.has(t.stem) || PARTNER_WORDS.has(t.stem);

/** Where a word is more likely a place than a misspelt word when both are as near. */
const BEFORE_PLACE = new Set(["a", "sur", "de", "du", "d", "vers", "pres", "les", "la"]);

export function correctSpelling(tokens: readonly Token[]): Token[] {
  return tokens.map((token, i) => {
    if (token.norm.length < 4 || isNumber(token) || isKnown(token) || isPlaceNameWord(token)) return token;
    const [nearest] = dictionary.nearest(token.stem);
    if (!nearest) return token;
    const placeDistance = nearestTerritoryTypo(token.norm);
    const placeLikely = token.capitalized || i === tokens.length - 1 || (i > 0 && BEFORE_PLACE.has(tokens[i - 1].norm));
    if (placeDistance !== null && (placeDistance < nearest.distance || (placeDistance === nearest.distance && placeLikely))) return token;
    return { ...token, norm: nearest.value, stem: nearest.key };
  });
}
