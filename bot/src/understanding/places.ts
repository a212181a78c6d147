/**
 * Places named in a message: one of the 100 communes of the territory (by name, partial name,
 * typo, postal code or INSEE code), another French commune, or a place-looking phrase that
 * matches nothing.
 */
import { communes, frenchCommunes } from "@ctg/territory-data/communes";
import { ARTICLES, FUNCTION_WORDS, isKnownWord } from "./lexicon.ts";
import { FuzzyDictionary } from "./fuzzy.ts";
import { COMMON_WORDS_IN_PLACE_NAMES } from "./place-name-words.ts";
import { SERVICE_WORDS } from "./service-types.ts";
import { fold, isNumber, keepNonOverlapping, rawSpan, stem, type Token } from "./text.ts";

export type Place =
  | { status: "OUT_OF_TERRITORY"; name: string; code: string; text: string }
  | { status: "UNKNOWN_PLACE"; text: string };

export interface CommuneMatch {
  code: string;
  /** Every commune of the territory the words could mean, most likely first (postal codes, « Calonne »). */
  candidates: string[];
  /** The resident's words. */
  text: string;
  how: "name" | "partialName" | "typo" | "postalCode" | "inseeCode";
  from: number;
  to: number;
}

export interface PlacesFound {
  commune: CommuneMatch | null;
  place: Place | null;
}

const MAX_NAME_TOKENS = 6;
const MAX_TYPO_TOKENS = 4;
/** Words a commune's name may begin with although they are common (« LA Couture », « SAINT-Venant »). */
const NAME_STARTS = new Set(["la", "le", "les", "saint", "sainte"]);
/** Name parts too common to stand for their commune alone (« Nœux-les-MINES », « MONT-Bernanchon »). */
const NOT_PARTIAL_NAMES = new Set(
  "saint sainte mines bois lys tour marais blanche chapelle legal dolmen artois aire bassee mont neuve vieille cottes fontes en sur la le les lez au"
    .split(" "),
);
/** Connectors allowed inside a place name the resident typed (« Trifouillis-LES-Oies »). */
const NAME_CONNECTORS = new Set(["le", "la", "les", "l", "sur", "en", "de", "du", "d", "sous", "lez", "saint", "sainte", "aux", "au"]);
const LOCATIVES = new Set(["sur", "vers", "pres", "cote", "autour", "proche", "secteur", "environs"]);
const VERB_A_BEFORE = new Set(["y", "il", "elle", "on", "qui", "qu", "ca", "cela", "ce", "n", "ne", "t", "tu", "j"]);
const VERB_A_AFTER = new Set(["t", "besoin", "signe", "ete", "eu", "fait", "dit", "pas", "plus", "combien", "deja", "jamais", "quoi"]);

/** A name's words, folded; joined, they are the key it is indexed by (« nœux les mines » → « noeuxlesmines »). */
const nameWords = (name: string): string[] => fold(name).match(/[a-z0-9]+/g) ?? [];

interface TerritoryEntry {
  codes: string[];
  how: "name" | "partialName";
  /** Only with a capital letter or after « à », « sur »… (« La Couture », « Ames »). */
  guarded: boolean;
  /** The official name's words as written, accents included. */
  officialWords: ReadonlySet<string>;
}

const populationOf = new Map(communes.map((c) => [c.code, c.population]));
const byPopulation = (a: string, b: string): number => (populationOf.get(b) ?? 0) - (populationOf.get(a) ?? 0);
const isCommonWord = (word: string): boolean => {
  const stemmed = stem(word);
  return isKnownWord(stemmed) || SERVICE_WORDS.has(stemmed);
};

function buildTerritoryIndex(): Map<string, TerritoryEntry> {
  const index = new Map<string, TerritoryEntry>();
  const partials = new Map<string, { first: string[]; other: string[] }>();
  for (const c of communes) {
    const words = nameWords(c.name);
    const significant = words.filter((w) => !FUNCTION_WORDS.has(w));
    const officialWords = new Set(c.name.toLowerCase().split(/[^\p{L}]+/u));
    const guarded = significant.every((w) => isCommonWord(w) && w !== "saint" && w !== "sainte");
    index.set(words.join(""), { codes: [c.code], how: "name", guarded, officialWords });
    if (words.length === 1) continue;
    significant.forEach((w, i) => {
      if (w.length < 4 || NOT_PARTIAL_NAMES.has(w) || isCommonWord(w)) return;
      const entry = partials.get(w) ?? { first: [], other: [] };
      (i === 0 ? entry.first : entry.other).push(c.code);
      partials.set(w, entry);
    });
  }
  for (const [word, { first, other }] of partials) {
    if (index.has(word)) continue;
    index.set(word, { codes: [...first.sort(byPopulation), ...other.sort(byPopulation)], how: "partialName", guarded: false, officialWords: new Set() });
  }
  return index;
}

const territory = buildTerritoryIndex();
const territoryTypos = new FuzzyDictionary<string>();
// A typo in « Ames » or « Comté » alone would make ordinary words places; « la coutur » is safe.
for (const [key, entry] of territory) if (!entry.guarded || key.startsWith("la")) territoryTypos.add(key, key);

const territoryCodes = new Set(communes.map((c) => c.code));
const territoryByPostalCode = new Map<string, string[]>();
for (const c of communes) {
  for (const postalCode of c.postalCodes) territoryByPostalCode.set(postalCode, [...(territoryByPostalCode.get(postalCode) ?? []), c.code]);
}
for (const codes of territoryByPostalCode.values()) codes.sort(byPopulation);

interface FrenchCommune {
  code: string;
  name: string;
  population: number;
  rank: number;
}
interface FrenchIndex {
  byName: Map<string, FrenchCommune>;
  byPostalCode: Map<string, FrenchCommune>;
  byInseeCode: Map<string, FrenchCommune>;
  /** Every word of every commune name (« saint », « omer », « venant »…). */
  nameWords: Set<string>;
}

let french: FrenchIndex | undefined;
/** The ≈35 000 other French communes, indexed once on first use (the source is 8 MB of JSON). */
function frenchIndex(): FrenchIndex {
  if (french) return french;
  const byName = new Map<string, FrenchCommune>();
  const byPostalCode = new Map<string, FrenchCommune>();
  const byInseeCode = new Map<string, FrenchCommune>();
  const words = new Set<string>(communes.flatMap((c) => nameWords(c.name)));
  const keep = (map: Map<string, FrenchCommune>, key: string, c: FrenchCommune): void => {
    const current = map.get(key);
    if (!current || c.rank > current.rank) map.set(key, c);
  };
  for (const c of frenchCommunes()) {
    if (territoryCodes.has(c.code)) continue;
    // Homonyms: the nearest département first, then the most populous.
    const nearby = c.departement === "62" ? 2e7 : c.departement === "59" ? 1e7 : 0;
    const commune = { code: c.code, name: c.nom, population: c.population ?? 0, rank: nearby + (c.population ?? 0) };
    const ownWords = nameWords(c.nom);
    keep(byName, ownWords.join(""), commune);
    for (const w of ownWords) words.add(w);
    byInseeCode.set(c.code, commune);
    for (const postalCode of c.codesPostaux ?? []) keep(byPostalCode, postalCode, commune);
  }
  french = { byName, byPostalCode, byInseeCode, nameWords: words };
  return french;
}

/** Builds the indexes now rather than on the first message. */
export function preparePlaces(): void {
  frenchIndex();
}

/** Whether the token is a word of a commune's name (so spelling correction leaves it alone). */
export function isPlaceNameWord(token: Token): boolean {
  return territory.has(token.norm) || frenchIndex().nameWords.has(token.norm);
}

/** The distance of the nearest territory name within the typo allowance, or null. */
export function nearestTerritoryTypo(word: string): number | null {
  const found = territoryTypos.nearest(word);
  return found.length > 0 ? found[0].distance : null;
}

interface Candidate {
  from: number;
  to: number;
  territory?: { entry: TerritoryEntry; key: string };
  french?: FrenchCommune;
  typo?: { entry: TerritoryEntry; distance: number };
}

export function findPlaces(text: string, tokens: readonly Token[], usable: (index: number) => boolean): PlacesFound {
  const index = frenchIndex();
  const codeMatch = findCodes(text, tokens, usable, index);
  if (codeMatch) return codeMatch;

  const candidates = [...exactCandidates(tokens, usable, index), ...typoCandidates(tokens, usable)];
  // The longest span wins (« Givenchy-en-Gohelle » over « Givenchy », « bray la buissiere » typo over « Bray »),
  // then an exact territory name, then another French commune, then a typo.
  const rank = (c: Candidate): number => (c.territory ? 0 : c.french ? 1 : 2 + (c.typo?.distance ?? 0));
  candidates.sort((a, b) => b.to - b.from - (a.to - a.from) || rank(a) - rank(b) || a.from - b.from);
  const kept = keepNonOverlapping(candidates).sort((a, b) => a.from - b.from);

  const inTerritory = kept.find((c) => c.territory || c.typo);
  if (inTerritory) {
    const entry = inTerritory.territory?.entry ?? inTerritory.typo!.entry;
    return {
      commune: {
        code: entry.codes[0],
        candidates: [...entry.codes],
        text: rawSpan(text, tokens, inTerritory.from, inTerritory.to),
        how: inTerritory.typo ? "typo" : entry.how,
        from: inTerritory.from,
        to: inTerritory.to,
      },
      place: null,
    };
  }
  const outside = kept.find((c) => c.french);
  if (outside?.french) {
    const spanText = rawSpan(text, tokens, outside.from, outside.to);
    return { commune: null, place: { status: "OUT_OF_TERRITORY", name: outside.french.name, code: outside.french.code, text: spanText } };
  }
  const unknown = findUnknownPlace(text, tokens, usable);
  return { commune: null, place: unknown ? { status: "UNKNOWN_PLACE", text: unknown } : null };
}

function exactCandidates(tokens: readonly Token[], usable: (index: number) => boolean, index: FrenchIndex): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!usable(i) || isNumber(tokens[i])) continue;
    if (FUNCTION_WORDS.has(tokens[i].norm) && !NAME_STARTS.has(tokens[i].norm)) continue;
    let key = "";
    for (let to = i + 1; to <= Math.min(tokens.length, i + MAX_NAME_TOKENS); to++) {
      if (!usable(to - 1) || isNumber(tokens[to - 1])) break;
      key += tokens[to - 1].original;
      const entry = territory.get(key);
      if (entry && acceptsTerritory(tokens, i, to, entry, usable)) found.push({ from: i, to, territory: { entry, key } });
      const other = index.byName.get(key);
      if (other && acceptsFrench(tokens, i, to, other)) found.push({ from: i, to, french: other });
    }
  }
  return found;
}

/** Misspelt territory names (« Bethnue », « noux les mines »), over spans that start and end with an unknown word. */
function typoCandidates(tokens: readonly Token[], usable: (index: number) => boolean): Candidate[] {
  const unknown = (i: number): boolean => !isNumber(tokens[i]) && !FUNCTION_WORDS.has(tokens[i].original) && !isCommonWord(tokens[i].original);
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!usable(i) || isNumber(tokens[i]) || (FUNCTION_WORDS.has(tokens[i].original) && !NAME_STARTS.has(tokens[i].original))) continue;
    let key = "";
    let unknownWords = 0;
    for (let to = i + 1; to <= Math.min(tokens.length, i + MAX_TYPO_TOKENS); to++) {
      if (!usable(to - 1) || isNumber(tokens[to - 1])) break;
      key += tokens[to - 1].original;
      if (unknown(to - 1)) unknownWords++;
      if (unknownWords === 0 || FUNCTION_WORDS.has(tokens[to - 1].original) || territory.has(key)) continue;
      const nearest = territoryTypos.nearest(key);
      if (nearest.length === 0) continue;
      const codes = [...new Set(nearest.flatMap((n) => territory.get(n.key)?.codes ?? []))].sort(byPopulation);
      const entry: TerritoryEntry = { codes, how: "name", guarded: false, officialWords: new Set() };
      found.push({ from: i, to, typo: { entry, distance: nearest[0].distance } });
    }
  }
  return found;
}

function findCodes(text: string, tokens: readonly Token[], usable: (index: number) => boolean, index: FrenchIndex): PlacesFound | null {
  for (let i = 0; i < tokens.length; i++) {
    if (!usable(i) || !isNumber(tokens[i])) continue;
    let code = tokens[i].norm;
    let to = i + 1;
    // « 62 700 »
    if (code.length === 2 && i + 1 < tokens.length && usable(i + 1) && /^\d{3}$/.test(tokens[i + 1].norm)) {
      code += tokens[i + 1].norm;
      to = i + 2;
    }
    if (code.length !== 5) continue;
    const spanText = rawSpan(text, tokens, i, to);
    const postal = territoryByPostalCode.get(code);
    // Residents type postal codes far more than INSEE codes; 8 codes are both, so « insee » decides.
    const saysInsee = i > 0 && tokens[i - 1].norm === "insee";
    if (saysInsee && territoryCodes.has(code)) return { commune: { code, candidates: [code], text: spanText, how: "inseeCode", from: i, to }, place: null };
    if (postal) return { commune: { code: postal[0], candidates: [...postal], text: spanText, how: "postalCode", from: i, to }, place: null };
    if (territoryCodes.has(code)) return { commune: { code, candidates: [code], text: spanText, how: "inseeCode", from: i, to }, place: null };
    const other = index.byPostalCode.get(code) ?? index.byInseeCode.get(code);
    if (other) return { commune: null, place: { status: "OUT_OF_TERRITORY", name: other.name, code: other.code, text: spanText } };
    if (isLocativeBefore(tokens, i)) return { commune: null, place: { status: "UNKNOWN_PLACE", text: spanText } };
  }
  return null;
}

function acceptsTerritory(tokens: readonly Token[], from: number, to: number, entry: TerritoryEntry, usable: (index: number) => boolean): boolean {
  if (!entry.guarded) return true;
  // « âmes » is typed with an accent the commune Ames does not have.
  for (let k = from; k < to; k++) if (tokens[k].accented && !entry.officialWords.has(tokens[k].raw.toLowerCase())) return false;
  if (from > 0 && ARTICLES.has(tokens[from - 1].norm) && !["la", "le", "les"].includes(tokens[from].norm)) return false;
  // Right after a service (« crèche ames », « centre social la couture ») or alone, the words fill the place slot.
  if (isAlone(tokens, from, to) || (from > 0 && !usable(from - 1))) return true;
  return hasCapital(tokens, from, to) || isLocativeBefore(tokens, from);
}

/** The message is the name and nothing more (« ames », « et à la couture ? »): the answer to « which commune? ». */
function isAlone(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = 0; k < tokens.length; k++) {
    if (k >= from && k < to) continue;
    if (!FUNCTION_WORDS.has(tokens[k].norm) && !["sur", "vers", "pres", "svp", "stp", "merci"].includes(tokens[k].norm)) return false;
  }
  return true;
}

/** Words before a name that make it a person or a verb, not a place (« ma fille Marie », « tu sers »). */
const NOT_BEFORE_PLACE = new Set(
  "je j tu il elle on nous vous ils elles ne n me te se s qui fils fille filles enfant bebe mari femme conjoint conjointe compagnon compagne appelle nomme prenom madame monsieur mme mr mlle".split(" "),
);

/** A town this big is meant even when its name is also a word (« creche paris », « douai »). */
const BIG_TOWN = 30_000;

function acceptsFrench(tokens: readonly Token[], from: number, to: number, commune: FrenchCommune): boolean {
  const before = from > 0 ? tokens[from - 1].norm : "";
  if (ARTICLES.has(before) && !["la", "le", "les"].includes(tokens[from].norm)) return false;
  if (NOT_BEFORE_PLACE.has(before)) return false;
  const span = tokens.slice(from, to);
  const significant = span.filter((t) => !FUNCTION_WORDS.has(t.original));
  const unknownWords = significant.filter((t) => !isCommonWord(t.original) && !COMMON_WORDS_IN_PLACE_NAMES.has(t.original));
  const capital = hasCapital(tokens, from, to);
  const locative = isLocativeBefore(tokens, from);
  const letters = span.reduce((n, t) => n + t.original.length, 0);
  if (letters <= 3) return capital && (locative || isPrepositionBefore(tokens, from));
  if (unknownWords.length > 0) return true;
  if (significant.some((t) => COMMON_WORDS_IN_PLACE_NAMES.has(t.original))) return capital || locative || commune.population >= BIG_TOWN;
  return capital && (locative || isPrepositionBefore(tokens, from));
}

function hasCapital(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k].capitalized && (k > 0 || tokens.length === to - from)) return true;
  return false;
}

function isPrepositionBefore(tokens: readonly Token[], index: number): boolean {
  return index > 0 && ["de", "du", "d", "en"].includes(tokens[index - 1].norm);
}

/** « à Auchel », « sur Bruay », « près de Lens »; not the verb in « il y a », « elle a 3 ans ». */
function isLocativeBefore(tokens: readonly Token[], index: number): boolean {
  if (index === 0) return false;
  const before = tokens[index - 1];
  if (LOCATIVES.has(before.norm)) return true;
  if (["de", "d", "du"].includes(before.norm) && index > 1 && LOCATIVES.has(tokens[index - 2].norm)) return true;
  if (before.norm !== "a") return false;
  if (before.raw !== "a" && before.raw !== "A") return true; // « à »
  const previous = index > 1 ? tokens[index - 2].norm : "";
  const next = tokens[index];
  return !VERB_A_BEFORE.has(previous) && !VERB_A_AFTER.has(next.norm) && !isNumber(next);
}

/** A place-looking phrase after « à », « sur »…, or a capitalised one after « de », that is no commune. */
function findUnknownPlace(text: string, tokens: readonly Token[], usable: (index: number) => boolean): string | null {
  const placeLike = (i: number): boolean =>
    usable(i) && !isNumber(tokens[i]) && tokens[i].norm.length >= 3 && !isCommonWord(tokens[i].norm) && !FUNCTION_WORDS.has(tokens[i].norm);
  for (let i = 1; i < tokens.length; i++) {
    if (!placeLike(i)) continue;
    // Unaccented « a » is as often the verb (« a augmenté ») as « à »: only a capital makes a place of it.
    const byLocative = isLocativeBefore(tokens, i) && (tokens[i - 1].raw.toLowerCase() !== "a" || tokens[i].capitalized);
    const byPreposition = isPrepositionBefore(tokens, i) && tokens[i].capitalized && !tokens[i].raw.match(/^\p{Lu}+$/u);
    if (!byLocative && !byPreposition) continue;
    let last = i;
    for (let k = i + 1; k < tokens.length && usable(k); k++) {
      if (placeLike(k)) last = k;
      else if (!NAME_CONNECTORS.has(tokens[k].norm)) break;
    }
    return rawSpan(text, tokens, i, last + 1);
  }
  return null;
}
