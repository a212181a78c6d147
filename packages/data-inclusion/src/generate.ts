import { mkdir } from "node:fs/promises";
import path from "node:path";
import { communes as territoryCommunes, frenchCommunes, type ServiceType } from "@ctg/territory-data";
import { createRandom, type Random } from "@ctg/territory-data/random";
import { JsonArrayWriter } from "./json-file.ts";
import { formatAgeRange } from "./ages.ts";
import { LISTING_OF_TYPE } from "./service-type.ts";
import type { Thematique } from "./vocabulary.ts";

/**
 * A large, synthetic pair of data·inclusion files for benchmarks: services across France, a share
 * of them in the agglomeration, a few broken on purpose. Deterministic for a seed; written as it is
 * generated, so its size is bounded by the disk, not memory. Every record is fictional.
 */
export interface GenerateOptions {
  services: number;
  outDir: string;
  seed?: number;
  /** Share of services located in the 100 communes [0.1]. */
  territoryShare?: number;
  /** Share of records broken on purpose (one field each) [0.002]. */
  invalidShare?: number;
}

export interface GeneratedFiles {
  structures: string;
  services: string;
  counts: { structures: number; services: number };
}

interface Place {
  code: string;
  name: string;
  postalCode: string;
  lat: number;
  lon: number;
}

const SOURCES = ["dora", "soliguide", "monenfant", "mediation-numerique", "action-logement"] as const;
const STREETS = ["rue de la République", "rue Jean Jaurès", "place de la Mairie", "rue Victor Hugo", "avenue de la Gare", "rue Pasteur", "rue des Écoles", "rue du Général de Gaulle"];
const NAMES = ["Les Lucioles", "Arc-en-ciel", "Les Coccinelles", "Le Petit Prince", "Les Galopins", "Trait d'Union", "La Passerelle", "Les Tilleuls", "Le Phare", "La Ruche"];
const HOURS = ["Mo-Fr 09:00-12:00,14:00-17:00", "Mo-Fr 08:30-12:00,13:30-17:30; PH off", "Tu,Th 09:00-12:00", "We 14:00-18:00; Sa 10:00-12:00", "Mo-Fr 07:00-18:30", "Mo,We,Fr 09:00-16:00"];

/** What a listing is called and says, for family services (our types) and others the hub leaves out. */
const FAMILY_KINDS: { type: ServiceType; name: string }[] = [
  { type: "EAJE", name: "Multi-accueil" },
  { type: "MICRO_CRECHE", name: "Micro-crèche" },
  { type: "MAM", name: "MAM" },
  { type: "RPE", name: "Relais Petite Enfance" },
  { type: "LAEP", name: "Lieu d'accueil enfants-parents" },
  { type: "ALSH", name: "Accueil de loisirs" },
  { type: "PERISCOLAIRE", name: "Accueil périscolaire" },
  { type: "ESPACE_JEUNES", name: "Espace jeunes" },
  { type: "PIJ", name: "Point Information Jeunesse" },
  { type: "CENTRE_SOCIAL", name: "Centre social" },
  { type: "FRANCE_SERVICES", name: "France Services" },
  { type: "SOUTIEN_PARENTALITE", name: "Médiation familiale" },
  { type: "CLAS", name: "Accompagnement à la scolarité" },
  { type: "ECOUTE_VIOLENCES_INTRAFAMILIALES", name: "Écoute violences conjugales" },
];
const OTHER_KINDS: { name: string; thematiques: Thematique[] }[] = [
  { name: "Atelier CV", thematiques: ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"] },
  { name: "Épicerie solidaire", thematiques: ["equipement-et-alimentation--alimentation"] },
  { name: "Aide au budget", thematiques: ["difficultes-financieres--ameliorer-sa-gestion-budgetaire"] },
  { name: "Atelier numérique", thematiques: ["numerique--maitriser-les-fondamentaux-du-numerique"] },
  { name: "Recherche de logement", thematiques: ["logement-hebergement--louer-un-logement"] },
  { name: "Garage solidaire", thematiques: ["mobilite--entretenir-reparer-son-vehicule"] },
];

/** Picks places in proportion to their population (binary search on cumulative weights). */
function placePicker(places: Place[], weights: number[], random: Random): () => Place {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += Math.max(1, w)));
  return () => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return places[lo];
  };
}

/** The etalab list has no coordinates: a stable point in mainland France stands in, for file realism only. */
function syntheticPoint(code: string): { lat: number; lon: number } {
  let h = 2166136261;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 16777619);
  const a = (h >>> 0) / 4294967296;
  const b = (Math.imul(h, 2654435761) >>> 0) / 4294967296;
  return { lat: round5(43 + a * 7.5), lon: round5(-1.5 + b * 8.5) };
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
const phone = (random: Random) => `+333534800${String(random.int(0, 99)).padStart(2, "0")}`;
const date = (random: Random) => `202${random.int(5, 6)}-${String(random.int(1, 10)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;

/** One field broken the way real files break them. */
function breakRecord(record: Record<string, unknown>, random: Random): void {
  const breakage = random.int(0, 4);
  if (breakage === 0) record.date_maj = "2026-02-30";
  else if (breakage === 1) record.code_insee = String(record.code_insee ?? "62119").slice(0, 3);
  else if (breakage === 2) record.description = "Voir sur place.";
  else if (breakage === 3) record.courriel = "contact@";
  else record.nom = "";
}

export async function generateLargeFiles(options: GenerateOptions): Promise<GeneratedFiles> {
  const random = createRandom(options.seed ?? 2026);
  const territoryShare = options.territoryShare ?? 0.1;
  const invalidShare = options.invalidShare ?? 0.002;
  const france = frenchCommunes().filter((c) => c.codesPostaux?.length);
  const francePlaces = france.map((c) => ({ code: c.code, name: c.nom, postalCode: c.codesPostaux![0], ...syntheticPoint(c.code) }));
  const territoryPlaces = territoryCommunes.map((c) => ({ code: c.code, name: c.name, postalCode: c.postalCodes[0], lat: c.lat, lon: c.lon }));
  const pickFrance = placePicker(francePlaces, france.map((c) => c.population ?? 1), random);
  const pickTerritory = placePicker(territoryPlaces, territoryCommunes.map((c) => c.population), random);

  await mkdir(options.outDir, { recursive: true });
  const files = { structures: path.join(options.outDir, "structures.json"), services: path.join(options.outDir, "services.json") };
  const structures = new JsonArrayWriter(files.structures);
  const services = new JsonArrayWriter(files.services);
  let serviceCount = 0;
  let structureNumber = 0;
  while (serviceCount < options.services) {
    structureNumber++;
    const source = random.pick(SOURCES);
    const inTerritory = random.chance(territoryShare);
    const place = inTerritory ? pickTerritory() : pickFrance();
    const nickname = random.pick(NAMES);
    const structureId = `${source}--s${structureNumber}`;
    const street = `${random.int(1, 150)} ${random.pick(STREETS)}`;
    const structure: Record<string, unknown> = {
      source,
      id: structureId,
      nom: `Association ${nickname} de ${place.name}`,
      description: `Association de ${place.name} qui accueille, informe et accompagne les habitants : familles, jeunes, personnes isolées.`,
      date_maj: date(random),
      siret: `${String(random.int(100_000_000, 999_999_999))}${String(random.int(10_000, 99_999))}`,
      commune: place.name,
      code_postal: place.postalCode,
      code_insee: place.code,
      adresse: street,
      longitude: place.lon,
      latitude: place.lat,
      telephone: phone(random),
      courriel: `contact@s${structureNumber}.example.org`,
      horaires_accueil: random.pick(HOURS),
      reseaux_porteurs: random.chance(0.3) ? [random.pick(["caf", "communes", "ccas-cias", "fcsf", "france-service"])] : [],
    };
    if (random.chance(invalidShare)) breakRecord(structure, random);
    await structures.write(structure);

    const offered = random.int(1, 6);
    for (let i = 0; i < offered && serviceCount < options.services; i++) {
      serviceCount++;
      const family = random.chance(0.6) ? random.pick(FAMILY_KINDS) : null;
      const other = family ? null : random.pick(OTHER_KINDS);
      const name = `${family ? family.name : other!.name} ${random.pick(NAMES)}`;
      const service: Record<string, unknown> = {
        source,
        structure_id: structureId,
        id: `${source}--v${serviceCount}`,
        nom: name,
        description: `${name} à ${place.name} : accueil, information et accompagnement, sur place ou sur rendez-vous, pour les habitants du secteur.`,
        date_maj: date(random),
        thematiques: family ? LISTING_OF_TYPE[family.type].thematiques : other!.thematiques,
        frais: random.pick(["gratuit", "payant"]),
        publics: [random.pick(["familles", "jeunes", "femmes", "seniors"])],
        publics_precisions: family && random.chance(0.5) ? formatAgeRange({ ageMinMonths: random.int(0, 6) * 12, ageMaxMonths: random.int(7, 17) * 12 + 11 }) : undefined,
        commune: place.name,
        code_postal: place.postalCode,
        code_insee: place.code,
        adresse: street,
        longitude: round5(place.lon + (random.next() - 0.5) * 0.01),
        latitude: round5(place.lat + (random.next() - 0.5) * 0.01),
        telephone: phone(random),
        courriel: `service${serviceCount}@s${structureNumber}.example.org`,
        modes_accueil: ["en-presentiel"],
        zone_eligibilite: random.chance(0.2) ? [place.code.slice(0, 2)] : [place.code],
        horaires_accueil: random.pick(HOURS),
      };
      if (random.chance(invalidShare)) breakRecord(service, random);
      await services.write(service);
    }
  }
  return { ...files, counts: { structures: await structures.close(), services: await services.close() } };
}
