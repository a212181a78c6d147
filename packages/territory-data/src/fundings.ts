import { communeByInsee } from "./communes.ts";
import { CURRENT_CTG_ID, ETAT_ID, INSTITUTION_IDS, PREVIOUS_CTG_ID, SAMPLE_SOURCE } from "./partners.ts";
import { createRandom, stableHash } from "./random.ts";
import type { ServiceRecord } from "./services.ts";
import type { FundingMechanism, ServiceType } from "./vocabulary.ts";

export interface FundingRecord {
  id: string;
  funderId: string;
  recipientId: string | null;
  serviceId: string | null;
  conventionId: string | null;
  /** Where the funded action takes place (the service's commune). */
  communeCode: string | null;
  mechanism: FundingMechanism;
  year: number;
  /** Exact euros, two decimals, e.g. "3800000.00". */
  amount: string;
  label: string;
  source: string;
}

/**
 * The CTG's real totals of bonus territoire (CAF): €3.1 M in the last year of the first CTG and
 * €3.8 M in the first year of the second (press article, February 2026). The lines that make them
 * up are sample data, spread over the eligible services.
 */
export const BONUS_TERRITOIRE_TOTALS = [
  { year: 2025, conventionId: PREVIOUS_CTG_ID, totalCents: 310_000_000 },
  { year: 2026, conventionId: CURRENT_CTG_ID, totalCents: 380_000_000 },
] as const;

export const FUNDING_YEARS = [2025, 2026] as const;

const BONUS_ELIGIBLE: Partial<Record<ServiceType, number>> = {
  EAJE: 6,
  MICRO_CRECHE: 2,
  RPE: 3,
  LAEP: 1,
  ALSH: 2,
  PERISCOLAIRE: 1,
  ESPACE_JEUNES: 1,
};

interface Grant {
  funderId: string;
  mechanism: FundingMechanism;
  /** Amount for 2026 in cents; 2025 is about 3 % lower. */
  cents2026: number;
  label: string;
  /** First year of the grant (the MSA joined the CTG in 2026). */
  since?: number;
}

function grantsFor(service: ServiceRecord, rand: ReturnType<typeof createRandom>): Grant[] {
  const capacity = service.capacity ?? 20;
  const k = (lo: number, hi: number) => rand.int(lo, hi) * 100_00;
  const caf = INSTITUTION_IDS.caf;
  const dept = INSTITUTION_IDS.departement;
  const rural = (communeByInsee(service.communeCode)?.population ?? 0) < 2000;
  const own: Grant = { funderId: service.operatorId, mechanism: "FONDS_PROPRES_COLLECTIVITE", cents2026: 0, label: "Fonds propres de la collectivité" };
  const isPublicOperator = /^(commune-|ccas-|sivom-|cabbalr$|departement-)/.test(service.operatorId);
  const grants: Grant[] = [];
  switch (service.type) {
    case "EAJE":
      grants.push({ funderId: caf, mechanism: "PSU", cents2026: capacity * rand.int(48, 56) * 100_00, label: "Prestation de service unique (PSU)" });
      break;
    case "MICRO_CRECHE":
      grants.push({ funderId: caf, mechanism: "PSU", cents2026: capacity * rand.int(40, 48) * 100_00, label: "Prestation de service unique (PSU)" });
      break;
    case "RPE":
      grants.push({ funderId: caf, mechanism: "PS_RPE", cents2026: k(250, 450), label: "Prestation de service relais petite enfance" });
      break;
    case "LAEP":
      grants.push({ funderId: caf, mechanism: "PS_LAEP", cents2026: k(120, 200), label: "Prestation de service LAEP" });
      break;
    case "ALSH":
    case "PERISCOLAIRE":
      grants.push({ funderId: caf, mechanism: "PS_ALSH", cents2026: capacity * rand.int(12, 18) * 10_00, label: "Prestation de service ALSH" });
      if (rural) grants.push({ funderId: INSTITUTION_IDS.msa, mechanism: "AIDE_MSA", cents2026: k(20, 60), label: "Aide MSA aux accueils de loisirs en milieu rural", since: 2026 });
      break;
    case "ESPACE_JEUNES":
    case "PIJ":
      grants.push({ funderId: caf, mechanism: "PS_JEUNES", cents2026: k(150, 300), label: "Prestation de service jeunes" });
      break;
    case "SERVICE_MOBILE_JEUNESSE":
      grants.push({ funderId: caf, mechanism: "PS_JEUNES", cents2026: k(200, 300), label: "Prestation de service jeunes" });
      grants.push({ funderId: INSTITUTION_IDS.msa, mechanism: "AIDE_MSA", cents2026: k(80, 150), label: "Aide MSA à la jeunesse rurale", since: 2026 });
      break;
    case "CENTRE_SOCIAL":
      grants.push({ funderId: caf, mechanism: "PS_ANIMATION_GLOBALE", cents2026: k(650, 750), label: "Prestation de service animation globale" });
      grants.push({ funderId: caf, mechanism: "PS_ANIMATION_COLLECTIVE_FAMILLES", cents2026: k(220, 260), label: "Prestation de service animation collective familles" });
      grants.push({ funderId: dept, mechanism: "SUBVENTION_DEPARTEMENT", cents2026: k(100, 250), label: "Subvention du Département" });
      break;
    case "EVS":
      grants.push({ funderId: caf, mechanism: "PS_EVS", cents2026: k(220, 260), label: "Prestation de service espace de vie sociale" });
      if (rural) grants.push({ funderId: INSTITUTION_IDS.msa, mechanism: "AIDE_MSA", cents2026: k(20, 50), label: "Aide MSA au lien social en milieu rural", since: 2026 });
      break;
    case "FRANCE_SERVICES":
      grants.push({ funderId: ETAT_ID, mechanism: "AUTRE", cents2026: 300_000_00, label: "Financement de l'État au fonctionnement France Services" });
      break;
    case "PMI":
    case "MDS":
      grants.push({ funderId: dept, mechanism: "FONDS_PROPRES_COLLECTIVITE", cents2026: k(800, 2500), label: "Budget départemental de solidarité" });
      break;
    case "SOUTIEN_PARENTALITE":
      grants.push({ funderId: caf, mechanism: "REAAP", cents2026: k(50, 150), label: "Réseau d'écoute, d'appui et d'accompagnement des parents (REAAP)" });
      grants.push({ funderId: dept, mechanism: "SUBVENTION_DEPARTEMENT", cents2026: k(30, 100), label: "Subvention du Département" });
      break;
    case "CLAS":
      grants.push({ funderId: caf, mechanism: "CLAS", cents2026: k(80, 150), label: "Contrat local d'accompagnement à la scolarité (CLAS)" });
      break;
    case "ACCUEIL_INCLUSIF_HANDICAP":
      grants.push({ funderId: caf, mechanism: "FONDS_PUBLICS_ET_TERRITOIRES", cents2026: k(300, 600), label: "Fonds publics et territoires — inclusion du handicap" });
      grants.push({ funderId: dept, mechanism: "SUBVENTION_DEPARTEMENT", cents2026: k(100, 200), label: "Subvention du Département" });
      break;
    case "ECOUTE_VIOLENCES_INTRAFAMILIALES":
      grants.push({ funderId: dept, mechanism: "SUBVENTION_DEPARTEMENT", cents2026: k(200, 400), label: "Subvention du Département — lutte contre les violences intrafamiliales" });
      grants.push({ funderId: INSTITUTION_IDS.cabbalr, mechanism: "FONDS_PROPRES_COLLECTIVITE", cents2026: k(100, 200), label: "Fonds propres de l'Agglomération" });
      break;
    case "MAM":
      // A MAM lives on the fees of its assistants maternels: no operating grant.
      break;
  }
  if (isPublicOperator && service.type !== "PMI" && service.type !== "MDS") {
    grants.push({ ...own, cents2026: Math.max(5_000_00, Math.round((grants[0]?.cents2026 ?? 50_000_00) * (rand.int(30, 60) / 100))) });
  }
  return grants;
}

export const formatCents = (cents: number): string => {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
};

/** Splits `totalCents` by weight into whole cents that add up exactly to the total. */
export function apportion(totalCents: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (totalCents * w) / sum);
  const parts = raw.map(Math.floor);
  let rest = totalCents - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    parts[i] += 1;
    rest -= 1;
  }
  return parts;
}

/** Funding lines consistent with the services: operating grants, own funds and the CTG bonus. */
export function generateFundings(services: readonly ServiceRecord[], options: { seed?: number } = {}): FundingRecord[] {
  const seed = options.seed ?? 2026;
  const out: FundingRecord[] = [];
  for (const service of services) {
    const rand = createRandom(stableHash(`${seed}:${service.id}`));
    for (const grant of grantsFor(service, rand)) {
      for (const year of FUNDING_YEARS) {
        if (grant.since && year < grant.since) continue;
        const cents = year === 2026 ? grant.cents2026 : Math.round((grant.cents2026 * 97) / 10_000) * 100;
        const ownFunds = grant.funderId === service.operatorId;
        out.push({
          id: `fund-${service.id}-${grant.mechanism.toLowerCase().replace(/_/g, "-")}-${grant.funderId}-${year}`,
          funderId: grant.funderId,
          recipientId: ownFunds ? null : service.operatorId,
          serviceId: service.id,
          conventionId: null,
          communeCode: service.communeCode,
          mechanism: grant.mechanism,
          year,
          amount: formatCents(cents),
          label: `${grant.label} ${year} — ${service.name}`,
          source: SAMPLE_SOURCE,
        });
      }
    }
  }
  const eligible = services.filter((s) => BONUS_ELIGIBLE[s.type]);
  const weights = eligible.map((s) => BONUS_ELIGIBLE[s.type]! * Math.max(1, Math.sqrt(s.capacity ?? 20)));
  for (const { year, conventionId, totalCents } of BONUS_TERRITOIRE_TOTALS) {
    apportion(totalCents, weights).forEach((cents, i) => {
      const service = eligible[i];
      out.push({
        id: `fund-${service.id}-bonus-territoire-ctg-${year}`,
        funderId: INSTITUTION_IDS.caf,
        recipientId: service.operatorId,
        serviceId: service.id,
        conventionId,
        communeCode: service.communeCode,
        mechanism: "BONUS_TERRITOIRE_CTG",
        year,
        amount: formatCents(cents),
        label: `Bonus territoire CTG ${year} — ${service.name}`,
        source: `${SAMPLE_SOURCE}; total annuel réel (article de presse, février 2026)`,
      });
    });
  }
  return out;
}
