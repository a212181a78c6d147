import type { ServiceType } from "@ctg/territory-data/vocabulary";
import type { Action } from "../dialogue/index.ts";
import type { Slots } from "../dialogue/state.ts";
import type { Place } from "../understanding/index.ts";
import { typesLabel } from "./format.ts";

export const EMERGENCY_NUMBERS =
  "Si vous êtes en danger, vous n'êtes pas seul·e. Appelez le 17 (police, gendarmerie) en cas d'urgence — ou envoyez un SMS au 114. " +
  "Le 3919 (violences conjugales) écoute gratuitement et anonymement, 24 h/24 et 7 j/7. " +
  "Le 119 (Allô Enfance en Danger) répond pour tout enfant en danger, 24 h/24.";

export const UPSTREAM_NOTE = "(Une partie de l'annuaire n'a pas répondu : ces informations peuvent être incomplètes.)";

const EXAMPLES = [
  "« Où trouver une crèche à Béthune ? »",
  "« Centre de loisirs à Lillers pour ma fille de 6 ans »",
  "« Qui gère le relais petite enfance de Bruay ? »",
  "« Qui finance l'accueil de loisirs de Beuvry ? »",
  "« C'est quoi la CTG ? »",
];

export function greeting(): string {
  return `Bonjour ! Je vous aide à trouver les services pour les familles, les enfants et les jeunes des 100 communes de l'agglomération de Béthune-Bruay : crèches, relais petite enfance, accueils de loisirs, espaces jeunes, centres sociaux, France Services… Posez votre question, par exemple ${EXAMPLES[0]}`;
}

export function help(): string {
  return (
    "Je réponds sur les services aux familles de l'agglomération de Béthune-Bruay (Convention territoriale globale) :\n" +
    "• où trouver un service (crèche, assistante maternelle, centre de loisirs, garderie, espace jeunes, PMI, France Services…) dans votre commune, selon l'âge de l'enfant ;\n" +
    "• qui le gère, qui le finance, son numéro et ses horaires ;\n" +
    "• ce que propose un partenaire (la CAF, un SIVOM, l'agglo…) ;\n" +
    "• la CTG elle-même : signataires, communes engagées, bonus territoire.\n" +
    `Exemples : ${EXAMPLES.join(", ")}.`
  );
}

export function outOfScope(): string {
  return (
    "Je ne sais répondre qu'aux questions sur les services aux familles, aux enfants et aux jeunes de l'agglomération de Béthune-Bruay. " +
    "Pour vos droits et démarches, le site caf.fr et les espaces France Services peuvent vous aider. " +
    `Essayez par exemple ${EXAMPLES[0]}`
  );
}

export function outsideTerritory(place: Place, slots: Slots): string {
  const what = slots.serviceTypes.length ? typesLabel(slots.serviceTypes as ServiceType[]) : "services aux familles";
  if (place.status === "OUT_OF_TERRITORY") {
    return (
      `${place.name} ne fait pas partie des 100 communes de l'agglomération de Béthune-Bruay : je ne connais pas ses ${what}. ` +
      "Pour l'accueil des jeunes enfants partout en France, consultez monenfant.fr (CAF). Si vous cherchez dans l'agglomération, dites-moi la commune."
    );
  }
  return `Je ne connais pas de commune « ${place.text} » dans l'agglomération de Béthune-Bruay. Pouvez-vous vérifier l'orthographe, ou me donner le code postal ?`;
}

export function clarification(action: Extract<Action, { kind: "clarify" }>): string {
  const what = action.slots.serviceTypes.length ? typesLabel(action.slots.serviceTypes as ServiceType[]) : null;
  switch (action.missing) {
    case "commune":
      return `Dans quelle commune cherchez-vous${what ? ` (${what})` : ""} ? Donnez-moi son nom ou son code postal, par exemple « à Auchel » ou « 62700 ».`;
    case "serviceType":
      return "Quel type de service cherchez-vous ? Par exemple une crèche, une assistante maternelle, un centre de loisirs, un espace jeunes ou un centre social.";
    case "partner":
      return "De quel partenaire parlez-vous ? Par exemple la CAF, le Département, la MSA, l'agglo ou un SIVOM.";
  }
}
