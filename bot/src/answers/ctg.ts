import { CURRENT_CTG_ID as CURRENT_CTG, PREVIOUS_CTG_ID as PREVIOUS_CTG } from "@ctg/territory-data/partners";
import { AXIS_LABELS, type Axis } from "@ctg/territory-data/vocabulary";
import type { Slots } from "../dialogue/state.ts";
import type { GatewayClient } from "../gateway-client.ts";
import { CommuneEngagementDocument, CtgOverviewDocument, FundingSummaryDocument, PartnerSearchDocument, PartnerServicesDocument } from "../generated/graphql.ts";
import { frenchList, millions, withArticle } from "./format.ts";
import { unavailable, type Partial } from "./services.ts";
import { MAX_RESULTS } from "./types.ts";

const frenchDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const year = (iso: string) => iso.slice(0, 4);
/** « la convention territoriale globale… » inside a sentence. */
const conventionName = (name: string) => name.replace(/^Convention/, "convention");
const sivomCount = (partners: readonly { kind: string }[]) => partners.filter((p) => p.kind === "SIVOM").length;

/** ctg.about: what a CTG is, with this territory's facts from the graph. */
export async function ctgAbout(gateway: GatewayClient): Promise<Partial> {
  const { data, failure } = await gateway.request(CtgOverviewDocument, { id: CURRENT_CTG });
  const ctg = data?.convention;
  if (!ctg) return unavailable(failure);
  const axes = ctg.axes.map((a) => AXIS_LABELS[a as Axis]);
  const text =
    "La Convention territoriale globale (CTG) est un cadre de partenariat entre une collectivité, la CAF, la MSA et d'autres acteurs publics. " +
    "Elle organise sur plusieurs années les services aux familles, à l'enfance et à la jeunesse : mieux coordonner les acteurs, réduire les inégalités entre territoires et garantir à chaque habitant un accès équitable à des services de qualité.\n" +
    `Ici, la ${conventionName(ctg.name)} couvre ${year(ctg.periodStart)}-${year(ctg.periodEnd)}` +
    (ctg.signedOn ? `, signée le ${frenchDate(ctg.signedOn)}` : "") +
    ` par ${frenchList(ctg.signatories.map((p) => withArticle(p.name)))}. ` +
    `${ctg.engagedCommunes.length} des ${data.epci?.communes.length ?? 100} communes s'y sont engagées. ` +
    `Ses thèmes : ${frenchList(axes)}.`;
  return { text, results: [{ type: "Convention", id: ctg.id }], total: 1, suggestions: [], degraded: !!failure };
}

/** ctg.signatories: who signed the current CTG. */
export async function ctgSignatories(gateway: GatewayClient): Promise<Partial> {
  const { data, failure } = await gateway.request(CtgOverviewDocument, { id: CURRENT_CTG });
  const ctg = data?.convention;
  if (!ctg) return unavailable(failure);
  const sivoms = sivomCount(ctg.engagedPartners);
  const text =
    `La ${conventionName(ctg.name)} a été signée${ctg.signedOn ? ` le ${frenchDate(ctg.signedOn)}` : ""} par ${ctg.signatories.length} partenaires :\n` +
    ctg.signatories.map((p) => `• ${p.name}`).join("\n") +
    `\n${ctg.engagedCommunes.length} communes${sivoms ? ` et ${sivoms} SIVOM` : ""} s'y sont aussi engagés par délibération.`;
  return {
    text,
    results: ctg.signatories.slice(0, MAX_RESULTS).map((p) => ({ type: "Partner", id: p.id })),
    total: ctg.signatories.length,
    suggestions: [],
    degraded: !!failure,
  };
}

/** ctg.engagement: is a commune engaged, or how many are. */
export async function ctgEngagement(gateway: GatewayClient, slots: Slots): Promise<Partial> {
  if (slots.communeCode) {
    const { data, failure } = await gateway.request(CommuneEngagementDocument, { code: slots.communeCode });
    if (!data?.commune) return unavailable(failure);
    const { name, ctgEngaged } = data.commune;
    const text = ctgEngaged
      ? `Oui : ${name} s'est engagée dans la CTG 2026-2030 par délibération.`
      : `Non : ${name} ne fait pas partie des communes engagées dans la CTG 2026-2030 (d'après les données du hub). Ses habitants ont tout de même accès aux services du territoire.`;
    return { text, results: [{ type: "Commune", id: data.commune.code }], total: 1, suggestions: [], degraded: !!failure };
  }
  const { data, failure } = await gateway.request(CtgOverviewDocument, { id: CURRENT_CTG });
  const ctg = data?.convention;
  if (!ctg) return unavailable(failure);
  const sivoms = sivomCount(ctg.engagedPartners);
  const text = `${ctg.engagedCommunes.length} des ${data.epci?.communes.length ?? 100} communes de l'agglomération se sont engagées dans la CTG 2026-2030 par délibération${sivoms ? `, ainsi que ${sivoms} SIVOM` : ""}. Demandez-moi par exemple « Est-ce que Gosnay participe à la CTG ? »`;
  return { text, results: [], total: ctg.engagedCommunes.length, suggestions: [], degraded: !!failure };
}

/** funding.summary: the bonus territoire, this CTG's first year against the last of the previous one. */
export async function fundingSummary(gateway: GatewayClient): Promise<Partial> {
  const { data, failure } = await gateway.request(FundingSummaryDocument, { current: CURRENT_CTG, previous: PREVIOUS_CTG, year: 2026, previousYear: 2025 });
  if (!data?.current) return unavailable(failure);
  const previous = data.previous?.bonus;
  const growth = previous && Number(previous) > 0 ? Math.round(((Number(data.current.bonus) - Number(previous)) / Number(previous)) * 100) : null;
  const text =
    `Le bonus territoire CTG versé par la CAF représente ${millions(data.current.bonus)} en 2026, première année de la convention 2026-2030` +
    (previous ? `, contre ${millions(previous)} en 2025, dernière année de la précédente${growth !== null ? ` (+${growth} %)` : ""}` : "") +
    `. En 2026, l'ensemble des financements rattachés à la convention s'élève à ${millions(data.current.all)}.`;
  return { text, results: [{ type: "Convention", id: CURRENT_CTG }], total: 1, suggestions: [], degraded: !!failure };
}

/** partner.services: what a partner runs. */
export async function partnerServices(gateway: GatewayClient, slots: Slots, partnerText: string | null): Promise<Partial & { partnerId: string | null }> {
  let id = slots.partnerId;
  if (!id && partnerText) {
    const { data } = await gateway.request(PartnerSearchDocument, { search: partnerText });
    id = data?.partners[0]?.id ?? null;
  }
  if (!id) {
    return { text: "Je n'ai pas reconnu ce partenaire. Essayez par exemple « Que propose le SIVOM du Bruaysis ? » ou « Quels services gère la CAF ? »", results: [], total: 0, suggestions: [], degraded: false, partnerId: null };
  }
  const { data, failure } = await gateway.request(PartnerServicesDocument, { id });
  if (!data?.partner) return { ...unavailable(failure), partnerId: id };
  const { name, operatedServices } = data.partner;
  const who = withArticle(name).replace(/^./, (c) => c.toUpperCase());
  const text = operatedServices.length
    ? `${who} gère ${operatedServices.length} service${operatedServices.length > 1 ? "s" : ""} dans l'annuaire de la CTG :\n` +
      operatedServices.slice(0, 5).map((s) => `• ${s.name}${s.address ? ` — ${s.address}` : ` — ${s.commune.name}`}`).join("\n") +
      (operatedServices.length > 5 ? `\n… et ${operatedServices.length - 5} autres.` : "")
    : `${who} ne gère directement aucun service de l'annuaire${["CAF", "DEPARTEMENT", "MSA", "ETAT"].includes(data.partner.kind) ? " : c'est surtout un financeur. Demandez-moi par exemple « Qui finance la crèche de Béthune ? »" : "."}`;
  return {
    text,
    results: operatedServices.slice(0, MAX_RESULTS).map((s) => ({ type: "Service", id: s.id })),
    total: operatedServices.length,
    suggestions: [],
    degraded: !!failure,
    partnerId: id,
  };
}
