/**
 * What the resident asks. Hand-written patterns over the folded, corrected text (no accents,
 * apostrophes and hyphens as spaces), combined with the slots found: deterministic, and fast
 * enough to run on every message.
 */
import { GREETING_WORDS, OFF_TOPIC_WORDS, POLITENESS_WORDS } from "./lexicon.ts";
import type { Token } from "./text.ts";

export const INTENTS = [
  "services.find",
  "service.operator",
  "service.funding",
  "service.contact",
  "partner.services",
  "ctg.about",
  "ctg.signatories",
  "ctg.engagement",
  "funding.summary",
  "greeting",
  "help",
  "out_of_scope",
] as const;
export type Intent = (typeof INTENTS)[number];

export interface IntentFacts {
  hasServiceTypes: boolean;
  hasCommune: boolean;
  hasPlace: boolean;
  hasAge: boolean;
  /** A partner of the records (not « la mairie » alone). */
  hasInstitution: boolean;
  hasPartner: boolean;
  /** The message leans on the previous one: bare slots are left for the dialogue to place. */
  followUp: boolean;
}

const CTG = /\b(ctg|convention territoriale globale|convention territoriale|convention globale|conventions?)\b/;
const CTG_ABOUT = /\b(c est quoi|c quoi|quoi|qu est ce|definition|defini\w*|signifie|veut dire|veux dire|explique\w*|sert a quoi|a quoi sert|servir|objectifs?|but|buts|presente\w*|parle|en savoir|kesako|consiste|contenu|contient|principe|role)\b/;
const SIGNATORIES = /\b(sign\w*|partenaires?)\b/;
const ENGAGEMENT = /\b(particip\w*|engage\w*|adhe\w*|fait partie|font partie|faire partie|membres?|rejoin\w*|rejoint|delibere\w*|deliberation\w*|inclus\w*|concerne\w*|couverte?s?|dedans|dans la ctg|dans la convention)\b/;
const HOW_MANY_COMMUNES = /\b(combien de communes|combien de villes|nombre de communes|quelles communes|quelles villes|liste des communes|toutes les communes)\b/;
const SUMMARY = /\b(bonus|montants?|budgets?|enveloppes?|millions?|milliards?|euros?|somme|combien (d argent|d euros|represente|rapporte|pese|coute|vaut|verse|versent|donne|donnent|finance|financent|investit|met))\b/;
const FUNDING = /\b(qui (est ce qui |c est qui )?(le |la |les |l |en |y |leur |lui )?(financ\w*|paie|paye|payent|paient|va payer|subventionn\w*|verse|donne l argent|met l argent|met de l argent|sort l argent)|financ\w*|subvention\w*|paye par|paie par|payee? par|d ou vient l argent|qui met (l|de l) argent|argent)\b/;
const OPERATOR = /\b(qui (est ce qui |c est qui |peut |va )?(le |la |les |l |s en |en |s )?(gere|gerent|occupe|occupent|tient|tiennent|dirige|dirigent|organise|organisent|anime|animent|porte|portent|administre|pilote|chapeaute|fait tourner|fait fonctionner|est derriere|s en occupe)|(quel|quelle|quels|quelles) (est |sont )?(l |le |la |les )?(organismes?|structures?|associations?|gestionnaires?|operateurs?|porteurs?|responsables?|prestataires?|entites?|partenaires?|institutions?)( qui)? (gere|gerent|s occupe|s occupent|occupe|est responsable|sont responsables|porte|portent|est derriere|derriere|organise|anime)|gere(e|s|es)? par|gestionnaires?|operateurs?|qui est (le |la |l )?(responsable|gestionnaire|directeur|directrice|porteur|operateur)|qui est responsable|appartient|c est qui qui)\b/;
/** « qui s'occupe de mon fils » asks for childcare, not for an operator. */
const CARE_FOR_CHILD = /\bqui (peut |pourrait |pourra |va )?(s occupe|s occuper|garde|garder|garderait|gardera) (de )?(mon|ma|mes|nos|notre|un|une|des) (enfant|enfants|fils|fille|filles|bebe|bebes|petit|petite|petits|ado|ados|jumeaux)\b/;
/** « combien la CAF verse pour… », « la CAF donne-t-elle de l'argent à… » */
const FUNDER_GIVES = /\b(caf|departement|msa|agglo|agglomeration|cabbalr|sivom|etat|commune|mairie)\b.*\b(verse|versent|donne|donnent|apporte|apportent|contribue\w*|paie|paye|paient|payent|finance|financent|subventionne\w*)\b|\bcombien\b.*\b(verse|versent|donne|donnent|apporte|apportent|touche|touchent|recoit|recoivent|percoit|percoivent)\b/;
const ATYPICAL_HOURS = /\bhoraires? (decale|decales|decalees|atypiques?|tardifs?|etendus?|larges?|de nuit|de soiree)\b/;
const CONTACT_STRONG = /\b(numeros?|telephones?|joindre|contacter|contacts?|coordonnees|appeler|adresses?|mails?|email|emails|mel|courriel|horaires?|heures? d ouverture|site internet|site web|leur site)\b/;
const CONTACT_WEAK = /\b(ouvert|ouverte|ouverts|ouvertes|ouvre|ouvrent|ouverture|ferme|fermee|fermeture|ferment|tarifs?|prix|combien (ca|ca me|je vais|on) (coute|paie|paye|payer)|combien coute|coute combien|rendez vous|permanences?|c est quand|quel jour|quels jours|comment (s |l |le |la |les )?inscri\w*|inscription\w*)\b/;
const FIND_STRONG = /\b(cherche\w*|recherche\w*|trouve\w*|ou est|ou sont|ou se trouve|ou se trouvent|c est ou|ou y a|existe\w*|y a|il y a|y aurait|quels? services?|quelles? services?|il y a quoi|y a quoi)\b/;
const FAMILY = /\b(enfants?|fils|filles?|bebes?|nourrissons?|ados?|jeunes?|familles?|parents?|petits?|petites?|gamins?|gosses?|maman|papa|jumeaux|grossesse|enceinte|garcons?)\b/;
const PARTNER_SERVICES = /\b(propose\w*|offre\w*|fait|font|faire|gere|gerent|organise\w*|quels? services?|quelles? services?|quelles? actions?|quels? dispositifs?|quoi|activites?|actions?|services?|role|missions?)\b/;
const HELP = /\b(aide|aidez|help|sos aide|que sais tu|tu sais faire|que peux tu|tu peux faire|tu fais quoi|que fais tu|a quoi tu sers|tu sers a quoi|comment ca marche|comment ca fonctionne|comment (t |vous )?utiliser|comment tu marches|comment tu fonctionnes|mode d emploi|quelles questions|que (puis je|peut on|je peux) (te |vous )?demander|qu est ce que (je peux|tu peux|tu sais|on peut)|menu|exemples?|qui es tu|t es qui|tu es qui|c est quoi ce (bot|service|site|chat)|comment (on fait|je fais|faire)|instructions?|mode d emploi)\b/;
const ONLY_HELP_WORDS = /^ (j ai |je voudrais |j aurais |je veux )?(besoin (d )?)?(de l |d )?(aide|aider|aidez moi|help|un renseignement|une question|des informations|des infos|information|renseignements?|question)( svp| stp| s il vous plait| s il te plait| moi)? $/;
const QUESTION_ABOUT_BOT = /^ (que|qu est ce que|quoi|qu) .*(tu|vous) .*(faire|sais|peux|proposes?)/;
const OFF_TOPIC_PHRASES = /\b(quel temps|quelle heure est|il fait beau|combien font|raconte (moi )?une)\b/;

export interface IntentFound {
  intent: Intent | null;
  /** services.find inferred from a service type or a place, with no question asked. */
  fromSlotsOnly: boolean;
}

export function classifyIntent(text: string, tokens: readonly Token[], facts: IntentFacts): IntentFound {
  const intent = intentOf(text, tokens, facts);
  if (intent === INFERRED_FIND) return { intent: "services.find", fromSlotsOnly: true };
  return { intent, fromSlotsOnly: false };
}

const INFERRED_FIND = "inferred services.find";

function intentOf(text: string, tokens: readonly Token[], facts: IntentFacts): Intent | null | typeof INFERRED_FIND {
  const s = ` ${text} `;
  const anyFacts = facts.hasServiceTypes || facts.hasCommune || facts.hasPlace || facts.hasAge || facts.hasPartner;

  const offTopic = OFF_TOPIC_PHRASES.test(s) || tokens.some((t) => OFF_TOPIC_WORDS.has(t.norm));
  const ctg = CTG.test(s);
  if (offTopic && !facts.hasServiceTypes && !facts.hasPartner && !ctg) return "out_of_scope";

  if (ctg && !facts.hasServiceTypes) {
    if (HOW_MANY_COMMUNES.test(s)) return "ctg.engagement";
    if (SUMMARY.test(s) || /\bargent\b/.test(s)) return "funding.summary";
    if (ENGAGEMENT.test(s) && (facts.hasCommune || !SIGNATORIES.test(s))) return "ctg.engagement";
    if (SIGNATORIES.test(s)) return facts.hasCommune ? "ctg.engagement" : "ctg.signatories";
    if (SUMMARY.test(s) || FUNDING.test(s)) return "funding.summary";
    if (facts.hasCommune) return "ctg.engagement";
    return "ctg.about";
  }
  if (HOW_MANY_COMMUNES.test(s) && ENGAGEMENT.test(s)) return "ctg.engagement";
  if (/\b(qui a signe|qui ont signe|signataires?)\b/.test(s) || (facts.hasInstitution && /\bsign\w*/.test(s))) return "ctg.signatories";
  if (facts.hasCommune && !facts.hasServiceTypes && /\bsign\w*/.test(s)) return "ctg.engagement";
  if (facts.hasCommune && !facts.hasServiceTypes && /\b(particip\w*|engage\w*|adhere\w*|fait partie|rejoint|delibere)\b/.test(s)) {
    return "ctg.engagement";
  }

  const askedFor = firstAsked(s, facts);
  if (askedFor) return askedFor;

  if (facts.hasPartner && !facts.hasServiceTypes && PARTNER_SERVICES.test(s)) return "partner.services";
  if (!facts.hasServiceTypes && /\b(partenaires?|organismes?|associations?|institutions?)\b/.test(s) && /\b(propose\w*|offre\w*|fait|font|gere|gerent)\b/.test(s)) {
    return "partner.services";
  }
  if (facts.hasInstitution && facts.hasServiceTypes && /\b(propose\w*|offre\w*|gere|gerent|organise\w*)\b/.test(s)) return "partner.services";

  const words = tokens.map((t) => t.norm);
  if (!anyFacts) {
    if (isGreeting(words)) return "greeting";
    if (ONLY_HELP_WORDS.test(s) || HELP.test(s) || QUESTION_ABOUT_BOT.test(s)) return "help";
  }
  const findAsked = FIND_STRONG.test(s);
  if (facts.followUp && !findAsked) return null;
  if (findAsked) return "services.find";
  if (facts.hasServiceTypes) return INFERRED_FIND;
  if (facts.hasInstitution && !facts.hasCommune) return null;
  if (FAMILY.test(s) && (facts.hasCommune || facts.hasPlace)) return INFERRED_FIND;
  if (anyFacts) return null;
  if (FAMILY.test(s)) return "services.find";
  if (/\b(aide|aider|besoin|question|renseignement)\b/.test(s)) return "help";
  return "out_of_scope";
}

/** Operator, funding, contact or a funding summary: the one asked first in the sentence. */
function firstAsked(s: string, facts: IntentFacts): Intent | null {
  const found: { intent: Intent; at: number }[] = [];
  const at = (re: RegExp): number => s.search(re);
  // « quelles structures gère la MSA ? » asks what the partner runs.
  const partnerRuns = facts.hasInstitution && !facts.hasServiceTypes && !/\bqui\b/.test(s);
  const operator = CARE_FOR_CHILD.test(s) || partnerRuns ? -1 : at(OPERATOR);
  if (operator >= 0) found.push({ intent: "service.operator", at: operator });
  const funding = earliest(at(FUNDING), at(FUNDER_GIVES));
  const summary = at(SUMMARY);
  const howMuch = summary >= 0 || /\bcombien\b/.test(s);
  if (howMuch && (funding >= 0 || summary >= 0) && !facts.hasServiceTypes && !/\bqui (finance|paie|paye)/.test(s)) {
    found.push({ intent: "funding.summary", at: earliest(summary, funding) });
  } else if (funding >= 0) found.push({ intent: "service.funding", at: funding });
  else if (summary >= 0 && /\b(caf|departement|msa|financ\w*|subvention\w*|agglo)\b/.test(s)) found.push({ intent: "service.funding", at: summary });
  // « horaires décalés » is a kind of childcare, not a question about opening hours.
  const strong = ATYPICAL_HOURS.test(s) ? -1 : at(CONTACT_STRONG);
  if (strong >= 0) found.push({ intent: "service.contact", at: strong });
  else {
    const weak = at(CONTACT_WEAK);
    if (weak >= 0 && !FIND_STRONG.test(s)) found.push({ intent: "service.contact", at: weak });
  }
  if (found.length === 0) return null;
  found.sort((a, b) => a.at - b.at);
  return found[0].intent;
}

const HOW_ARE_YOU = /^ (ca va|cv|comment ca va|comment vas tu|comment allez vous|tu vas bien|vous allez bien)( bien)?( et toi| et vous)? $/;

function earliest(...positions: number[]): number {
  const found = positions.filter((p) => p >= 0);
  return found.length > 0 ? Math.min(...found) : -1;
}

function isGreeting(words: readonly string[]): boolean {
  if (HOW_ARE_YOU.test(` ${words.join(" ")} `)) return true;
  return words.length > 0 && words.some((w) => GREETING_WORDS.has(w)) && words.every((w) => GREETING_WORDS.has(w) || POLITENESS_WORDS.has(w));
}

const CONTINUATION = /^ (et|ok et|d accord et|alors et|bon et|sinon|aussi|pareil|idem|meme chose|meme question|puis|ensuite|et sinon|et pour|et a|et sur|et du cote|et chez|et si|et aussi|encore)\b/;
const ANAPHORA = /\b(qui (le|la|les|l|en|y|leur|lui) |(leur|leurs|son|ses|sa) (numeros?|telephones?|adresses?|horaires?|coordonnees|site|mails?|email|contacts?|tarifs?|gestionnaires?|financeurs?|financements?|responsables?|operateurs?|prix)|(les|la|le|l) (joindre|contacter|appeler)|(ce|cet|cette|ces) (services?|structures?|lieux?|endroits?|creches?|centres?|relais|accueils?|espaces?|points?|organismes?|associations?|rpe|ram|mam|alsh|laep|pij|evs|clas|garderies?|micro|maisons?|locals?|etablissements?|dispositifs?|trucs?|la|ci)|celui|celle|ceux|celles|\bils\b|\belles?\b|la bas|c est ouvert|ils ouvrent|elle ouvre|meme (chose|service|endroit|commune|ville)|aussi)\b/;

/** The message leans on what was said before (« et à Lillers ? », « qui le finance ? »). */
export function isFollowUp(text: string): boolean {
  const s = ` ${text} `;
  return CONTINUATION.test(s) || ANAPHORA.test(s);
}
