import type { ServiceType } from "@ctg/territory-data/vocabulary";
import type { Slots } from "../dialogue/state.ts";
import type { GatewayClient } from "../gateway-client.ts";
import {
  FindServicesDocument,
  NearestServicesDocument,
  FundingsOfServicesDocument,
  type FundingsOfServicesQuery,
  type ServiceCardFragment,
  type ServiceFilter,
} from "../generated/graphql.ts";
import { ageText, distanceText, euros, frenchList, openingHoursText, typesLabel, withArticle } from "./format.ts";
import { MAX_RESULTS, type EntityRef } from "./types.ts";

/** How many services a reply describes in its text; `results` carries up to 10. */
const LISTED = 5;
/** Services read to answer who runs or funds « them ». */
const ABOUT_LIMIT = 200;
/** How far to look for the nearest services when the commune has none. */
const SUGGESTION_RADIUS_KM = 30;

export interface Partial {
  text: string;
  results: EntityRef[];
  total: number;
  suggestions: EntityRef[];
  /** Part of the hub did not answer. */
  degraded: boolean;
}

const filterOf = (slots: Slots): ServiceFilter => ({
  communeCode: slots.communeCode,
  types: slots.serviceTypes.length ? (slots.serviceTypes as ServiceType[]) : null,
  ageMonths: slots.ageMonths,
});

const sampleNote = (services: readonly { isSample: boolean }[]) =>
  services.some((s) => s.isSample)
    ? "\n(À noter : ces fiches sont des données d'exemple, en attendant les listings réels des partenaires.)"
    : "";

function serviceLine(s: ServiceCardFragment, askedCommune: string | null, options: { contact?: boolean } = {}): string {
  const parts = [s.name];
  if (s.commune.code !== askedCommune) parts.push(`à ${s.commune.name}`);
  if (s.address) parts.push(s.address);
  parts.push(`géré par ${withArticle(s.operator.name)}`);
  if (s.phone) parts.push(`tél. ${s.phone}`);
  const hours = openingHoursText(s.openingHours);
  if (hours && options.contact) parts.push(`ouvert ${hours}`);
  return `• ${parts.join(" — ")}`;
}

const refs = (services: readonly { id: string }[]): EntityRef[] => services.slice(0, MAX_RESULTS).map((s) => ({ type: "Service", id: s.id }));

function what(slots: Slots, count: number): string {
  const label = typesLabel(slots.serviceTypes as ServiceType[], count);
  return slots.ageMonths != null ? `${label} pour un enfant de ${ageText(slots.ageMonths)}` : label;
}

async function suggestions(gateway: GatewayClient, slots: Slots, centre: { lat: number; lon: number } | null | undefined) {
  if (!centre) return null;
  const { data } = await gateway.request(NearestServicesDocument, {
    filter: { types: filterOf(slots).types, ageMonths: slots.ageMonths, near: { lat: centre.lat, lon: centre.lon, radiusKm: SUGGESTION_RADIUS_KM } },
    first: 3,
  });
  return data?.services.edges ?? null;
}

/** services.find and service.contact: the services located in or serving the commune. */
export async function findServices(gateway: GatewayClient, slots: Slots, options: { contact?: boolean } = {}): Promise<Partial> {
  const { data, failure } = await gateway.request(FindServicesDocument, {
    filter: filterOf(slots),
    first: MAX_RESULTS,
    communeCode: slots.communeCode!,
  });
  if (!data?.services) return unavailable(failure);
  const commune = data.commune?.name ?? slots.communeCode!;
  const { totalCount, nodes } = data.services;
  if (totalCount === 0) {
    const near = await suggestions(gateway, slots, data.commune?.location);
    const intro = `Je n'ai trouvé aucun${slots.serviceTypes.length ? "" : " service"} ${slots.serviceTypes.length ? what(slots, 1) : ""} à ${commune} dans l'annuaire de la CTG.`.replace(/\s+/g, " ").replace(" .", ".");
    if (!near?.length) {
      return { text: `${intro} Je n'en connais pas non plus à moins de ${SUGGESTION_RADIUS_KM} km.`, results: [], total: 0, suggestions: [], degraded: !!failure };
    }
    const lines = near.map((e) => `${serviceLine(e.node, null, options)} (à ${distanceText(e.distanceKm ?? 0)})`);
    return {
      text: `${intro} Les plus proches :\n${lines.join("\n")}${sampleNote(near.map((e) => e.node))}`,
      results: [],
      total: 0,
      suggestions: near.map((e) => ({ type: "Service", id: e.node.id })),
      degraded: !!failure,
    };
  }
  const heading = options.contact
    ? `Voici les coordonnées ${totalCount === 1 ? "du service" : "des services"} (${what(slots, totalCount)}) pour ${commune} :`
    : `À ${commune}, j'ai trouvé ${totalCount} ${what(slots, totalCount)} (sur place ou qui desservent la commune) :`;
  const listed = nodes.slice(0, LISTED).map((s) => serviceLine(s, slots.communeCode, options));
  const more = totalCount > LISTED ? `\n… et ${totalCount - LISTED} autre${totalCount - LISTED > 1 ? "s" : ""}. Précisez un type de service ou l'âge de l'enfant pour affiner.` : "";
  return {
    text: `${heading}\n${listed.join("\n")}${more}${sampleNote(nodes)}`,
    results: refs(nodes),
    total: totalCount,
    suggestions: [],
    degraded: !!failure,
  };
}

/** service.operator: who runs the services meant. */
export async function serviceOperators(gateway: GatewayClient, slots: Slots): Promise<Partial> {
  const { data, failure } = await gateway.request(FindServicesDocument, { filter: filterOf(slots), first: ABOUT_LIMIT, communeCode: slots.communeCode! });
  if (!data?.services) return unavailable(failure);
  const commune = data.commune?.name ?? slots.communeCode!;
  const nodes = data.services.nodes;
  if (!nodes.length) return { text: `Je n'ai trouvé aucun ${what(slots, 1)} à ${commune}, donc personne qui le gère.`, results: [], total: 0, suggestions: [], degraded: !!failure };
  const operators = new Map<string, { name: string; services: string[] }>();
  for (const s of nodes) {
    const entry = operators.get(s.operator.id) ?? { name: s.operator.name, services: [] };
    entry.services.push(s.name);
    operators.set(s.operator.id, entry);
  }
  const lines = [...operators.values()].slice(0, LISTED).map((o) => {
    const shown = o.services.slice(0, 3);
    const rest = o.services.length - shown.length;
    const verb = o.services.length > 1 ? "sont gérés" : "est géré";
    return `• ${frenchList(shown)}${rest > 0 ? ` (et ${rest} autre${rest > 1 ? "s" : ""})` : ""} ${verb} par ${withArticle(o.name)}.`;
  });
  const intro = `Voici qui gère les ${what(slots, 2)} pour ${commune} :`;
  return {
    text: `${intro}\n${lines.join("\n")}${sampleNote(nodes)}`,
    results: [...operators.keys()].slice(0, MAX_RESULTS).map((id) => ({ type: "Partner", id })),
    total: operators.size,
    suggestions: [],
    degraded: !!failure,
  };
}

/** All the fundings of these services, page by page (largest first). */
async function fundingsOf(gateway: GatewayClient, serviceIds: string[]) {
  const out: FundingsOfServicesQuery["fundings"] = [];
  for (let offset = 0; offset < 20 * PAGE; offset += PAGE) {
    const { data, failure } = await gateway.request(FundingsOfServicesDocument, { serviceIds, offset });
    if (!data) return { fundings: out, failure: failure ?? "no data" };
    out.push(...data.fundings);
    if (data.fundings.length < PAGE) return { fundings: out, failure };
  }
  return { fundings: out, failure: null };
}
const PAGE = 500;

/** service.funding: who funds the services meant, with the latest year's amounts. */
export async function serviceFunders(gateway: GatewayClient, slots: Slots): Promise<Partial> {
  const found = await gateway.request(FindServicesDocument, { filter: filterOf(slots), first: ABOUT_LIMIT, communeCode: slots.communeCode! });
  if (!found.data?.services) return unavailable(found.failure);
  const commune = found.data.commune?.name ?? slots.communeCode!;
  const nodes = found.data.services.nodes;
  if (!nodes.length) return { text: `Je n'ai trouvé aucun ${what(slots, 1)} à ${commune}, donc aucun financement à vous indiquer.`, results: [], total: 0, suggestions: [], degraded: !!found.failure };
  const { fundings, failure } = await fundingsOf(gateway, nodes.map((s) => s.id));
  if (failure && !fundings.length) {
    const listed = nodes.slice(0, LISTED).map((s) => serviceLine(s, slots.communeCode));
    return {
      text: `Je n'arrive pas à joindre les données de financement pour le moment. Voici tout de même les ${what(slots, 2)} pour ${commune} :\n${listed.join("\n")}`,
      results: [],
      total: 0,
      suggestions: [],
      degraded: true,
    };
  }
  const funders = new Map<string, string>();
  for (const f of fundings) funders.set(f.funder.id, f.funder.name);
  const lines = nodes.slice(0, 3).map((s) => {
    const own = fundings.filter((f) => f.service?.id === s.id);
    if (!own.length) return `• ${s.name} : aucun financement enregistré.`;
    const year = Math.max(...own.map((f) => f.year));
    const byFunder = new Map<string, bigint>();
    for (const f of own.filter((x) => x.year === year)) {
      byFunder.set(f.funder.name, (byFunder.get(f.funder.name) ?? 0n) + BigInt(f.amount.replace(".", "")));
    }
    const parts = [...byFunder].map(([name, cents]) => `${withArticle(name)} (${euros(`${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`)})`);
    return `• ${s.name} est financé en ${year} par ${frenchList(parts)}.`;
  });
  const more = nodes.length > 3 ? `\nEn tout, ${nodes.length} services sont concernés ; ils sont financés par ${frenchList([...funders.values()].map(withArticle))}.` : "";
  return {
    text: `Qui finance les ${what(slots, 2)} pour ${commune} :\n${lines.join("\n")}${more}${sampleNote(nodes)}`,
    results: [...funders.keys()].slice(0, MAX_RESULTS).map((id) => ({ type: "Partner", id })),
    total: funders.size,
    suggestions: [],
    degraded: !!failure || !!found.failure,
  };
}

export function unavailable(_failure: string | null): Partial {
  return {
    text: "Je n'arrive pas à joindre l'annuaire des services pour le moment. Réessayez dans quelques minutes, ou contactez directement votre mairie.",
    results: [],
    total: 0,
    suggestions: [],
    degraded: true,
  };
}
