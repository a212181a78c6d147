import { communeByInsee, communes, distanceKm, type CommuneRecord } from "./communes.ts";
import {
  communePartnerId,
  INSTITUTION_IDS,
  SAMPLE_SOURCE,
  SIVOM_IDS,
  type PartnerRecord,
} from "./partners.ts";
import { createRandom, type Random } from "./random.ts";
import { SERVICE_TYPES, type Axis, type ServiceType } from "./vocabulary.ts";

/**
 * The sample services of the territory: a deterministic generator (seed + scale) that yields a
 * plausible offer, and the few real facilities found in public sources. Every sample record says
 * so in its `source`.
 */
export interface ServiceRecord {
  id: string;
  name: string;
  type: ServiceType;
  axis: Axis;
  description: string | null;
  operatorId: string;
  communeCode: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  /** Communes served, always including `communeCode`. */
  serviceArea: string[];
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  openingHours: string | null;
  capacity: number | null;
  source: string;
}

export interface GeneratedServices {
  services: ServiceRecord[];
  /** Operators the generator invented (associations, CCAS, private micro-crèches). */
  partners: PartnerRecord[];
}

const OPENING_HOURS: Record<ServiceType, string> = {
  EAJE: "Mo-Fr 07:00-18:30",
  MICRO_CRECHE: "Mo-Fr 07:00-19:00",
  MAM: "Mo-Fr 06:30-19:00",
  RPE: "Mo,Tu,Th 09:00-12:00,13:30-17:00; We 09:00-12:00",
  LAEP: "We 09:00-11:30; Sa 09:30-11:30",
  ALSH: "We 08:00-18:00",
  PERISCOLAIRE: "Mo,Tu,Th,Fr 07:30-08:30,16:30-18:30",
  ESPACE_JEUNES: "Tu-Fr 14:00-19:00; Sa 14:00-18:00",
  PIJ: "Mo-Fr 09:00-12:00,14:00-17:30",
  SERVICE_MOBILE_JEUNESSE: "We,Sa 14:00-18:00",
  CENTRE_SOCIAL: "Mo-Fr 08:30-12:00,13:30-18:00",
  EVS: "Mo-Fr 09:00-12:00,14:00-17:00",
  FRANCE_SERVICES: "Mo-Fr 08:30-12:00,13:30-17:00",
  PMI: "Tu,Th 09:00-12:00",
  MDS: "Mo-Fr 08:30-12:00,13:30-17:00",
  SOUTIEN_PARENTALITE: "We 14:00-17:00",
  CLAS: "Mo,Tu,Th 16:30-18:00",
  ACCUEIL_INCLUSIF_HANDICAP: "Mo-Fr 08:30-17:00",
  ECOUTE_VIOLENCES_INTRAFAMILIALES: "Mo-Fr 09:00-17:00",
};

const DESCRIPTIONS: Record<ServiceType, string> = {
  EAJE: "Accueil collectif régulier ou occasionnel des enfants de 10 semaines à 6 ans.",
  MICRO_CRECHE: "Petite structure d'accueil collectif (12 enfants au plus) pour les moins de 6 ans.",
  MAM: "Des assistants maternels agréés accueillent ensemble les enfants dans un même local.",
  RPE: "Informe les parents sur les modes d'accueil, aide à trouver un assistant maternel et accompagne les professionnels.",
  LAEP: "Lieu d'accueil gratuit et anonyme pour les enfants de moins de 6 ans accompagnés d'un adulte.",
  ALSH: "Accueil de loisirs le mercredi et pendant les vacances scolaires.",
  PERISCOLAIRE: "Accueil des enfants avant et après l'école.",
  ESPACE_JEUNES: "Lieu d'accueil, d'activités et de projets pour les adolescents.",
  PIJ: "Information des jeunes sur l'orientation, l'emploi, la santé, le logement et la mobilité.",
  SERVICE_MOBILE_JEUNESSE: "Un véhicule aménagé et des animateurs qui vont à la rencontre des jeunes des communes rurales.",
  CENTRE_SOCIAL: "Équipement de proximité agréé par la CAF : activités pour tous les âges, accompagnement des familles.",
  EVS: "Espace de vie sociale agréé par la CAF : lien social et initiatives des habitants.",
  FRANCE_SERVICES: "Aide aux démarches administratives (CAF, impôts, santé, retraite, emploi) avec un agent.",
  PMI: "Consultations gratuites de protection maternelle et infantile : suivi des nourrissons, vaccinations, conseils.",
  MDS: "Accueil social du Département : enfance et famille, autonomie, insertion.",
  SOUTIEN_PARENTALITE: "Groupes de parents, ateliers parents-enfants et médiation familiale.",
  CLAS: "Accompagnement à la scolarité après l'école, avec les parents.",
  ACCUEIL_INCLUSIF_HANDICAP: "Accompagnement de l'accueil des enfants en situation de handicap dans les structures ordinaires.",
  ECOUTE_VIOLENCES_INTRAFAMILIALES: "Écoute, information et orientation des victimes de violences intrafamiliales.",
};

const NICKNAMES = [
  "Les Lucioles", "Les P'tits Loups", "Les Petits Pas", "Pomme d'Api", "Les Coccinelles", "Arc-en-ciel",
  "Les Frimousses", "Les Marmousets", "Câlins Câlines", "Les Galopins", "Les Bambins", "Trottinette",
  "Les Farfadets", "Le Petit Prince", "Les Moussaillons", "Graines d'étoiles",
];

const STREETS = [
  "rue de la République", "place de la Mairie", "rue Jean Jaurès", "rue Victor Hugo", "rue Pasteur",
  "avenue de la Gare", "rue du Général de Gaulle", "rue Émile Zola", "rue des Écoles", "rue Jules Ferry",
  "rue Roger Salengro", "rue Anatole France",
];

/** Communes that hold the territory's networks (relais, PMI, MDS…), each serving its nearest communes. */
const RPE_HUBS: { code: string; operatorId: string }[] = [
  { code: "62119", operatorId: SIVOM_IDS.bethunois },
  { code: "62178", operatorId: SIVOM_IDS.bruaysis },
  { code: "62270", operatorId: SIVOM_IDS.bruaysis },
  { code: "62516", operatorId: SIVOM_IDS.artois },
  { code: "62473", operatorId: SIVOM_IDS.artois },
  { code: "62132", operatorId: SIVOM_IDS.artois },
  { code: "62194", operatorId: SIVOM_IDS.artois },
  { code: "62706", operatorId: SIVOM_IDS.artois },
  { code: "62617", operatorId: communePartnerId("62617") },
  { code: "62048", operatorId: communePartnerId("62048") },
  { code: "62083", operatorId: communePartnerId("62083") },
];
const PMI_SITES = ["62119", "62178", "62516", "62617", "62048", "62473", "62270", "62083", "62276", "62555"];
const FRANCE_SERVICES_SITES = ["62119", "62178", "62516", "62048", "62617", "62473", "62270", "62555", "62194", "62457"];
const PIJ_SITES = ["62119", "62178", "62516", "62457", "62048", "62617", "62473"];
const LAEP_SITES = ["62119", "62178", "62516", "62617", "62048", "62473", "62276"];
const MOBILE_YOUTH_BASES = ["62516", "62077", "62706"];
const INCLUSIVE_SITES = ["62119", "62178", "62516"];
const VIOLENCE_SITES = ["62119", "62178", "62516"];

const realSource = (url: string) => `public:${url} (faits publics partiels, à vérifier)`;

function nearestHub(commune: CommuneRecord, hubs: readonly string[]): string {
  let best = hubs[0];
  let bestKm = Infinity;
  for (const code of hubs) {
    const km = distanceKm(commune, communeByInsee(code)!);
    if (km < bestKm) [best, bestKm] = [code, km];
  }
  return best;
}

/** Each hub serves the communes nearer to it than to any other hub: together they cover all 100. */
function hubAreas(hubs: readonly string[]): Map<string, string[]> {
  const areas = new Map(hubs.map((h) => [h, [] as string[]]));
  for (const c of communes) areas.get(nearestHub(c, hubs))!.push(c.code);
  return areas;
}

function communesWithin(centre: CommuneRecord, km: number, filter: (c: CommuneRecord) => boolean = () => true): string[] {
  return communes.filter((c) => c.code === centre.code || (filter(c) && distanceKm(centre, c) <= km)).map((c) => c.code);
}

interface Draft {
  type: ServiceType;
  commune: CommuneRecord;
  name: string;
  operatorId: string;
  serviceArea?: string[];
  capacity?: number | null;
  address?: string | null;
  phone?: string | null;
  description?: string;
  openingHours?: string;
  source?: string;
  exactLocation?: boolean;
}

/** Fictional numbers: ARCEP reserves 03 53 48 xx xx for works of fiction, so no real line is dialled. */
function fictionalPhone(random: Random): string {
  return `03 53 48 ${String(random.int(0, 99)).padStart(2, "0")} ${String(random.int(0, 99)).padStart(2, "0")}`;
}

export function generateServices(options: { seed?: number; scale?: number } = {}): GeneratedServices {
  const seed = options.seed ?? 2026;
  const scale = options.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) throw new Error(`scale must be an integer from 1 to 1000 (got ${scale})`);
  const random = createRandom(seed);
  const partners = new Map<string, PartnerRecord>();
  const drafts: Draft[] = [];

  const samplePartner = (p: Pick<PartnerRecord, "id" | "name" | "kind" | "communeCode"> & Partial<PartnerRecord>): string => {
    if (!partners.has(p.id)) {
      partners.set(p.id, { aliases: [], siren: null, website: null, phone: null, email: null, address: null, source: SAMPLE_SOURCE, ...p });
    }
    return p.id;
  };
  const ccas = (c: CommuneRecord) =>
    samplePartner({ id: `ccas-${c.code}`, name: `CCAS de ${c.name}`, kind: "CCAS", communeCode: c.code, aliases: [`centre communal d'action sociale de ${c.name}`] });
  const association = (slug: string, name: string, c: CommuneRecord, kind: PartnerRecord["kind"] = "ASSOCIATION") =>
    samplePartner({ id: `asso-${slug}-${c.code}`, name, kind, communeCode: c.code });
  const usedNicknames = new Map<string, Set<string>>();
  /** A name not yet given to another service of the same commune. */
  const nickname = (c?: CommuneRecord) => {
    const used = usedNicknames.get(c?.code ?? "") ?? new Set<string>();
    const free = NICKNAMES.filter((n) => !used.has(n));
    const name = random.pick(free.length ? free : NICKNAMES);
    used.add(name);
    usedNicknames.set(c?.code ?? "", used);
    return name;
  };
  const byPopulation = [...communes].sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));

  // Real facilities found in public sources (../shared/data/facilities-found.md).
  const bethunoisCreche = "https://sivom-bethunois.fr/index.php/jeunesse/creche";
  drafts.push(
    { type: "EAJE", commune: communeByInsee("62489")!, name: "Multi-accueil de Lapugnoy", operatorId: SIVOM_IDS.bethunois, capacity: 25, openingHours: "Mo-Fr 07:00-18:30", source: realSource(bethunoisCreche), address: null, phone: null },
    { type: "EAJE", commune: communeByInsee("62847")!, name: "Multi-accueil de Verquigneul", operatorId: SIVOM_IDS.bethunois, capacity: 30, openingHours: "Mo-Fr 07:00-18:30", source: realSource(bethunoisCreche), address: null, phone: null },
    {
      type: "MDS", commune: communeByInsee("62119")!, name: "Maison du Département Solidarité de l'Artois", operatorId: INSTITUTION_IDS.departement,
      address: "rue Boutleux, 62400 Béthune", phone: null, serviceArea: communes.map((c) => c.code),
      source: realSource("https://www.pasdecalais.fr/Actualites/ARCHIVES/2016/L-actualite-de-Solidarite-et-sante/Bienvenue-a-la-Maison-de-la-bienveillance-de-l-Artois"),
    },
    {
      type: "SOUTIEN_PARENTALITE", commune: communeByInsee("62473")!, name: "Maison de l'Enfance et de la Famille d'Isbergues", operatorId: communePartnerId("62473"),
      phone: "03 21 61 39 72", address: null, description: "Pôle familial et social : petite enfance, familles et CCAS réunis depuis 2018.",
      source: realSource("http://ville-isbergues.fr/spip.php?page=imprimer&id_article=2833"),
    },
    {
      type: "ALSH", commune: communeByInsee("62178")!, name: "Centres de loisirs de l'Office de la Jeunesse",
      operatorId: samplePartner({ id: "office-jeunesse-bruay", name: "Office de la Jeunesse de Bruay-la-Buissière", kind: "ASSOCIATION", communeCode: "62178", source: realSource("https://www.yumpu.com/fr/document/view/26915825/juin-2008-ville-de-bruay-la-buissiare/1") }),
      capacity: 150, address: null, phone: null,
      source: realSource("https://www.yumpu.com/fr/document/view/26915825/juin-2008-ville-de-bruay-la-buissiare/1"),
    },
  );

  // Networks: every commune is inside the area of one relais, one PMI, one inclusive-care and one listening point.
  for (const [hub, area] of hubAreas(RPE_HUBS.map((h) => h.code))) {
    const c = communeByInsee(hub)!;
    const operatorId = RPE_HUBS.find((h) => h.code === hub)!.operatorId;
    const operatorName = operatorId.startsWith("sivom") ? ` du ${operatorId === SIVOM_IDS.artois ? "SIVOM de l'Artois" : operatorId === SIVOM_IDS.bruaysis ? "SIVOM du Bruaysis" : "SIVOM du Béthunois"}` : "";
    drafts.push({
      type: "RPE", commune: c, name: `Relais Petite Enfance${operatorName} — ${c.name}`, operatorId, serviceArea: area,
      source: operatorId === SIVOM_IDS.artois ? `${SAMPLE_SOURCE}; réseau attesté : ${realSource("https://www.sivomdelartois.fr/portes-ouvertes-du-rpe/")}` : undefined,
    });
  }
  for (const [hub, area] of hubAreas(PMI_SITES)) {
    const c = communeByInsee(hub)!;
    drafts.push({ type: "PMI", commune: c, name: `Consultation PMI de ${c.name}`, operatorId: INSTITUTION_IDS.departement, serviceArea: area });
  }
  for (const [hub, area] of hubAreas(INCLUSIVE_SITES)) {
    const c = communeByInsee(hub)!;
    drafts.push({ type: "ACCUEIL_INCLUSIF_HANDICAP", commune: c, name: `Pôle ressources handicap petite enfance et enfance — ${c.name}`, operatorId: INSTITUTION_IDS.cabbalr, serviceArea: area });
  }
  const violenceNetwork = association("reseau-vif", "Réseau d'écoute violences intrafamiliales de l'Artois", communeByInsee("62119")!);
  for (const [hub, area] of hubAreas(VIOLENCE_SITES)) {
    const c = communeByInsee(hub)!;
    drafts.push({ type: "ECOUTE_VIOLENCES_INTRAFAMILIALES", commune: c, name: `Point d'écoute violences intrafamiliales — ${c.name}`, operatorId: violenceNetwork, serviceArea: area });
  }
  for (const base of MOBILE_YOUTH_BASES) {
    const c = communeByInsee(base)!;
    const rural = hubAreas(MOBILE_YOUTH_BASES).get(base)!.filter((code) => code === base || communeByInsee(code)!.population < 3000);
    drafts.push({ type: "SERVICE_MOBILE_JEUNESSE", commune: c, name: `Service mobile jeunesse de l'Agglo — secteur ${c.name}`, operatorId: INSTITUTION_IDS.cabbalr, serviceArea: rural });
  }
  for (const site of PIJ_SITES) {
    const c = communeByInsee(site)!;
    drafts.push({ type: "PIJ", commune: c, name: `Point Information Jeunesse de ${c.name}`, operatorId: communePartnerId(c.code), serviceArea: communesWithin(c, 8) });
  }
  for (const site of FRANCE_SERVICES_SITES) {
    const c = communeByInsee(site)!;
    const operatorId = c.population > 15000 ? INSTITUTION_IDS.cabbalr : communePartnerId(c.code);
    drafts.push({ type: "FRANCE_SERVICES", commune: c, name: `France Services ${c.name}`, operatorId, serviceArea: communesWithin(c, 10) });
  }
  for (const site of LAEP_SITES) {
    const c = communeByInsee(site)!;
    drafts.push({ type: "LAEP", commune: c, name: `LAEP « ${nickname(c)} » — ${c.name}`, operatorId: c.population >= 8000 ? ccas(c) : communePartnerId(c.code), serviceArea: communesWithin(c, 8) });
  }

  // Offer that grows with the population, commune by commune.
  for (const c of byPopulation) {
    const pop = c.population;
    const town = communePartnerId(c.code);
    const sivom = c.code === "62489" || c.code === "62847" ? null : pop < 12000 && random.chance(0.25) ? random.pick(Object.values(SIVOM_IDS)) : null;
    if (pop >= 400) {
      for (let i = 0; i < 1 + Math.floor(pop / 6000); i++) {
        drafts.push({ type: "PERISCOLAIRE", commune: c, name: `Accueil périscolaire ${i === 0 ? "" : `n° ${i + 1} `}de ${c.name}`.replace("  ", " "), operatorId: town, capacity: random.int(3, 10) * 10 });
      }
    }
    if (pop >= 1200) {
      const small = (x: CommuneRecord) => x.population < 1200;
      for (let i = 0; i < 1 + Math.floor(pop / 8000); i++) {
        drafts.push({
          type: "ALSH", commune: c, name: `Accueil de loisirs « ${nickname(c)} » — ${c.name}`, operatorId: sivom ?? town,
          serviceArea: i === 0 ? communesWithin(c, 5, small) : undefined, capacity: random.int(4, 15) * 10,
        });
      }
    }
    if (pop >= 2500) {
      for (let i = 0; i < 1 + Math.floor(pop / 9000); i++) {
        const operatorId = sivom ?? (pop >= 8000 && random.chance(0.4) ? ccas(c) : town);
        drafts.push({ type: "EAJE", commune: c, name: `Multi-accueil « ${nickname(c)} » — ${c.name}`, operatorId, capacity: random.int(4, 12) * 5 });
      }
    }
    if (pop >= 1800 && random.chance(Math.min(0.9, pop / 10000 + 0.2))) {
      const name = nickname(c);
      const operatorId = samplePartner({ id: `micro-creche-${c.code}`, name: `Micro-crèche ${name} SAS`, kind: "AUTRE", communeCode: c.code });
      drafts.push({ type: "MICRO_CRECHE", commune: c, name: `Micro-crèche « ${name} » — ${c.name}`, operatorId, capacity: random.int(10, 12) });
    }
    if (pop >= 900 && random.chance(Math.min(0.85, pop / 8000 + 0.25))) {
      const name = nickname(c);
      drafts.push({ type: "MAM", commune: c, name: `MAM « ${name} » — ${c.name}`, operatorId: association("mam", `Association MAM ${name} de ${c.name}`, c), capacity: random.int(2, 4) * 4 });
    }
    if (pop >= 3500) {
      drafts.push({ type: "ESPACE_JEUNES", commune: c, name: `Espace jeunes de ${c.name}`, operatorId: town, capacity: random.int(2, 6) * 10 });
    }
    if (pop >= 6000) {
      for (let i = 0; i < (pop >= 20000 ? 2 : 1); i++) {
        const name = random.pick(["Jacques Prévert", "Louise Michel", "Nelson Mandela", "Les Tilleuls", "Pablo Picasso", "Simone Veil"]);
        drafts.push({ type: "CENTRE_SOCIAL", commune: c, name: `Centre social ${name} — ${c.name}`, operatorId: association(`cs${i}`, `Association du centre social ${name} de ${c.name}`, c), serviceArea: i === 0 ? communesWithin(c, 4) : undefined });
      }
    } else if (pop >= 1500 && random.chance(0.3)) {
      drafts.push({ type: "EVS", commune: c, name: `Espace de vie sociale de ${c.name}`, operatorId: association("evs", `Association « Vivre ensemble à ${c.name} »`, c) });
    }
    if (pop >= 4000) {
      drafts.push({ type: "CLAS", commune: c, name: `Accompagnement à la scolarité — ${c.name}`, operatorId: pop >= 6000 && random.chance(0.5) ? association("clas", `Association Coup de pouce scolaire de ${c.name}`, c) : town });
    }
    if (pop >= 5000 && random.chance(0.6)) {
      drafts.push({ type: "SOUTIEN_PARENTALITE", commune: c, name: `Ateliers parents-enfants de ${c.name}`, operatorId: pop >= 8000 ? ccas(c) : town, serviceArea: communesWithin(c, 6) });
    }
  }
  drafts.push({
    type: "SOUTIEN_PARENTALITE", commune: communeByInsee("62119")!, name: "Médiation familiale de l'Artois",
    operatorId: association("mediation", "Association de médiation familiale de l'Artois", communeByInsee("62119")!), serviceArea: communes.map((c) => c.code),
  });

  const base = drafts.map((d, index) => toRecord(d, index, random));
  const services = [...base];
  for (let replica = 2; replica <= scale; replica++) {
    for (const s of base) {
      services.push({
        ...s,
        id: `${s.id}-x${replica}`,
        name: `${s.name} (antenne ${replica})`,
        lat: s.lat === null ? null : round5(s.lat + (random.next() - 0.5) * 0.01),
        lon: s.lon === null ? null : round5(s.lon + (random.next() - 0.5) * 0.01),
        source: SAMPLE_SOURCE,
      });
    }
  }
  return { services, partners: [...partners.values()] };
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function toRecord(d: Draft, index: number, random: Random): ServiceRecord {
  const info = SERVICE_TYPES[d.type];
  const isSample = !d.source || d.source.startsWith("sample:");
  const postal = d.commune.postalCodes[0] ?? "";
  const address = d.address !== undefined ? d.address : `${random.int(1, 120)} ${random.pick(STREETS)}, ${postal} ${d.commune.name}`;
  const serviceArea = [...new Set([d.commune.code, ...(d.serviceArea ?? [])])].sort();
  return {
    id: `svc-${d.type.toLowerCase().replace(/_/g, "-")}-${d.commune.code}-${String(index + 1).padStart(4, "0")}`,
    name: d.name,
    type: d.type,
    axis: info.axis,
    description: d.description ?? DESCRIPTIONS[d.type],
    operatorId: d.operatorId,
    communeCode: d.commune.code,
    address,
    // The commune centre, moved a little: sample services are not at real addresses.
    lat: round5(d.commune.lat + (isSample ? (random.next() - 0.5) * 0.012 : 0)),
    lon: round5(d.commune.lon + (isSample ? (random.next() - 0.5) * 0.018 : 0)),
    serviceArea,
    ageMinMonths: info.ageMinMonths,
    ageMaxMonths: info.ageMaxMonths,
    phone: d.phone !== undefined ? d.phone : fictionalPhone(random),
    email: null,
    website: null,
    openingHours: d.openingHours ?? OPENING_HOURS[d.type],
    capacity: d.capacity ?? null,
    source: d.source ?? SAMPLE_SOURCE,
  };
}
