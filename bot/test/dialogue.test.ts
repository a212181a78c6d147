import { describe, expect, it } from "vitest";
import { decide, focusOnService, initialDialogueState, type Action, type DialogueState } from "../src/dialogue/index.ts";
import { understand } from "../src/understanding/index.ts";

/** Plays a conversation; the state goes through JSON between turns, as it does through Redis. */
function converse(messages: string[], start: DialogueState = initialDialogueState()): { actions: Action[]; state: DialogueState } {
  let state = start;
  const actions: Action[] = [];
  for (const text of messages) {
    const { action, nextState } = decide(state, understand(text));
    const stored = JSON.parse(JSON.stringify(nextState)) as DialogueState;
    expect(stored).toEqual(nextState);
    state = stored;
    actions.push(action);
  }
  return { actions, state };
}

const last = (messages: string[]): Action => converse(messages).actions.at(-1)!;

describe("asking for a missing commune", () => {
  it("asks for the commune of « Je cherche une crèche », then answers with the remembered types", () => {
    const { actions } = converse(["Je cherche une crèche", "à Auchel"]);
    expect(actions[0]).toMatchObject({ kind: "clarify", intent: "clarify", missing: "commune", pendingIntent: "services.find" });
    expect(actions[1]).toMatchObject({ kind: "answer", intent: "services.find", slots: { communeCode: "62048", serviceTypes: ["EAJE", "MICRO_CRECHE"] } });
  });

  it.each([["Auchel"], ["auchel"], ["a auchel"], ["sur Auchel stp"], ["62260"], ["et à Auchel ?"], ["Auchell"]])(
    "completes the pending question with the answer « %s »",
    (reply) => {
      expect(last(["Je cherche une crèche", reply])).toMatchObject({ intent: "services.find", slots: { communeCode: "62048", serviceTypes: ["EAJE", "MICRO_CRECHE"] } });
    },
  );

  it("keeps the age given before the commune", () => {
    expect(last(["je cherche un centre de loisirs pour ma fille de 6 ans", "à Beuvry"])).toMatchObject({
      intent: "services.find",
      slots: { communeCode: "62126", serviceTypes: ["ALSH"], ageMonths: 72 },
    });
  });

  it("keeps asking while the reply does not name a commune, and keeps what it adds", () => {
    const { actions } = converse(["Je cherche une crèche", "elle a 2 ans", "Lillers"]);
    expect(actions[1]).toMatchObject({ kind: "clarify", missing: "commune", slots: { ageMonths: 24 } });
    expect(actions[2]).toMatchObject({ intent: "services.find", slots: { communeCode: "62516", ageMonths: 24, serviceTypes: ["EAJE", "MICRO_CRECHE"] } });
  });

  it.each([
    ["Qui gère la crèche ?", "service.operator"],
    ["Qui finance le centre de loisirs ?", "service.funding"],
    ["Quel est le numéro du RPE ?", "service.contact"],
  ])("asks for the commune of « %s » and answers %s once it is given", (question, intent) => {
    const { actions } = converse([question, "à Lillers"]);
    expect(actions[0]).toMatchObject({ kind: "clarify", missing: "commune", pendingIntent: intent });
    expect(actions[1]).toMatchObject({ kind: "answer", intent, slots: { communeCode: "62516" } });
  });

  it("answers « Qui finance ? » about the service named in the reply", () => {
    const { actions } = converse(["Qui finance ?", "la crèche de Béthune"]);
    expect(actions[1]).toMatchObject({ intent: "service.funding", slots: { communeCode: "62119", serviceTypes: ["EAJE", "MICRO_CRECHE"] } });
  });

  it("offers the commune the conversation was about", () => {
    const action = last(["crèche à Béthune", "Je cherche un centre de loisirs"]);
    expect(action).toMatchObject({ kind: "clarify", missing: "commune", suggestedCommuneCode: "62119", slots: { serviceTypes: ["ALSH"] } });
  });

  it("asks which service when contact details are asked for a whole commune", () => {
    const { actions } = converse(["Quel est le numéro à Béthune ?", "la crèche"]);
    expect(actions[0]).toMatchObject({ kind: "clarify", missing: "serviceType", pendingIntent: "service.contact" });
    expect(actions[1]).toMatchObject({ intent: "service.contact", slots: { communeCode: "62119", serviceTypes: ["EAJE", "MICRO_CRECHE"] } });
  });

  it("asks which partner when « ce partenaire » is unknown", () => {
    expect(last(["Que propose ce partenaire ?"])).toMatchObject({ kind: "clarify", missing: "partner", pendingIntent: "partner.services" });
  });

  it("asks for the commune of « la mairie » and then answers about that commune's mairie", () => {
    const { actions } = converse(["que propose la mairie ?", "Lillers"]);
    expect(actions[0]).toMatchObject({ kind: "clarify", missing: "commune", pendingIntent: "partner.services" });
    expect(actions[1]).toMatchObject({ intent: "partner.services", slots: { communeCode: "62516", partnerId: "commune-62516" } });
  });
});

describe("follow-ups", () => {
  it("keeps the service types for « et à Lillers ? »", () => {
    const { actions } = converse(["Où trouver un centre de loisirs à Béthune ?", "et à Lillers ?"]);
    expect(actions[1]).toMatchObject({ intent: "services.find", slots: { communeCode: "62516", serviceTypes: ["ALSH"] } });
  });

  it("keeps the commune and types for « et qui le finance ? »", () => {
    const { actions } = converse(["Qui gère le RPE de Bruay ?", "et qui le finance ?"]);
    expect(actions[1]).toMatchObject({ intent: "service.funding", slots: { communeCode: "62178", serviceTypes: ["RPE"] } });
  });

  it.each([["c'est quoi leur numéro ?"], ["leurs horaires ?"], ["comment les joindre ?"], ["ils sont ouverts quand ?"], ["adresse ?"]])(
    "answers « %s » after a services answer with the same slots",
    (question) => {
      expect(last(["Où trouver une crèche à Béthune ?", question])).toMatchObject({
        intent: "service.contact",
        slots: { communeCode: "62119", serviceTypes: ["EAJE", "MICRO_CRECHE"] },
      });
    },
  );

  it("walks a whole conversation about one service", () => {
    const { actions } = converse(["Je cherche une crèche", "à Auchel", "et à Lillers ?", "qui la gère ?", "et qui la finance ?", "c'est quoi leur numéro ?"]);
    expect(actions.map((a) => a.intent)).toEqual(["clarify", "services.find", "services.find", "service.operator", "service.funding", "service.contact"]);
    for (const action of actions.slice(2)) expect(action.slots).toMatchObject({ communeCode: "62516", serviceTypes: ["EAJE", "MICRO_CRECHE"] });
  });

  it("keeps the question and changes the service for « et le centre social ? »", () => {
    expect(last(["Qui gère le RPE de Bruay ?", "et le centre social ?"])).toMatchObject({
      intent: "service.operator",
      slots: { communeCode: "62178", serviceTypes: ["CENTRE_SOCIAL"] },
    });
  });

  it("updates the age for « elle a 8 ans en fait »", () => {
    expect(last(["centre de loisirs pour ma fille de 6 ans à Beuvry", "elle a 8 ans en fait"])).toMatchObject({
      intent: "services.find",
      slots: { communeCode: "62126", serviceTypes: ["ALSH"], ageMonths: 96 },
    });
  });

  it("reads « qui gère la crèche ? » after a crèche answer as about the same commune", () => {
    expect(last(["Où trouver une crèche à Béthune ?", "Qui gère la crèche ?"])).toMatchObject({
      intent: "service.operator",
      slots: { communeCode: "62119", serviceTypes: ["EAJE", "MICRO_CRECHE"] },
    });
  });

  it("keeps the engagement question for « et Lillers ? »", () => {
    expect(last(["Est-ce que Gosnay participe à la CTG ?", "et Lillers ?"])).toMatchObject({ intent: "ctg.engagement", slots: { communeCode: "62516" } });
  });

  it("keeps the partner question for « et la CAF ? »", () => {
    expect(last(["Que propose le SIVOM du Bruaysis ?", "et la CAF ?"])).toMatchObject({ intent: "partner.services", slots: { partnerId: "caf-pas-de-calais" } });
  });

  it("keeps the subject through a side question about the CTG", () => {
    const { actions } = converse(["Où trouver une crèche à Béthune ?", "C'est quoi la CTG ?", "et à Lillers ?"]);
    expect(actions[1].intent).toBe("ctg.about");
    expect(actions[2]).toMatchObject({ intent: "services.find", slots: { communeCode: "62516", serviceTypes: ["EAJE", "MICRO_CRECHE"] } });
  });

  it("keeps the subject through a greeting", () => {
    const { actions } = converse(["Où trouver une crèche à Béthune ?", "merci", "et à Beuvry ?"]);
    expect(actions[1].kind).toBe("greeting");
    expect(actions[2]).toMatchObject({ intent: "services.find", slots: { communeCode: "62126", serviceTypes: ["EAJE", "MICRO_CRECHE"] } });
  });

  it("answers about the one service the bot focused on", () => {
    const { state } = converse(["Où trouver une micro-crèche à Beuvry ?"]);
    const focused = focusOnService(state, "service-42");
    expect(converse(["c'est quoi leur numéro ?"], focused).actions[0]).toMatchObject({ intent: "service.contact", slots: { serviceId: "service-42" } });
    expect(converse(["et à Lillers ?"], focused).actions[0]).toMatchObject({ slots: { serviceId: null, communeCode: "62516" } });
  });

  it("answers an elliptical commune with no context as a search of every service there", () => {
    expect(last(["à Auchel"])).toMatchObject({ kind: "answer", intent: "services.find", slots: { communeCode: "62048", serviceTypes: [] } });
  });
});

describe("new questions", () => {
  it("replaces the context with a new full question", () => {
    const action = last(["mode de garde pour mon bébé de 8 mois à Lapugnoy", "Qui gère le centre social de Divion ?"]);
    expect(action).toMatchObject({ intent: "service.operator", slots: { communeCode: "62270", serviceTypes: ["CENTRE_SOCIAL"], ageMonths: null } });
  });

  it("answers a new question after a pending one", () => {
    expect(last(["Je cherche une crèche", "Qui gère le centre social de Divion ?"])).toMatchObject({
      kind: "answer",
      intent: "service.operator",
      slots: { communeCode: "62270", serviceTypes: ["CENTRE_SOCIAL"] },
    });
  });

  it("answers the CTG questions without any slot", () => {
    expect(last(["C'est quoi la CTG ?"])).toMatchObject({ kind: "answer", intent: "ctg.about" });
    expect(last(["Qui a signé la convention territoriale globale ?"])).toMatchObject({ kind: "answer", intent: "ctg.signatories" });
    expect(last(["Combien de communes sont engagées dans la CTG ?"])).toMatchObject({ kind: "answer", intent: "ctg.engagement", slots: { communeCode: null } });
    expect(last(["Combien représente le bonus territoire ?"])).toMatchObject({ kind: "answer", intent: "funding.summary" });
  });

  it("answers what a partner runs with its id and the resident's words", () => {
    expect(last(["Que propose le SIVOM du Bruaysis ?"])).toMatchObject({
      kind: "answer",
      intent: "partner.services",
      slots: { partnerId: "sivom-bruaysis" },
      partnerText: "SIVOM du Bruaysis",
    });
  });

  it("passes the other communes of a shared postal code along", () => {
    expect(last(["crèche 62400"])).toMatchObject({ slots: { communeCode: "62119" }, communeCandidates: ["62119", "62520", "62310"] });
  });
});

describe("places outside the territory", () => {
  it("answers a search outside the territory with the OUT_OF_TERRITORY notice, without asking for a commune", () => {
    expect(last(["Je cherche une crèche à Paris"])).toMatchObject({
      kind: "answer",
      intent: "services.find",
      notice: "OUT_OF_TERRITORY",
      place: { status: "OUT_OF_TERRITORY", name: "Paris" },
      slots: { communeCode: null, serviceTypes: ["EAJE", "MICRO_CRECHE"] },
    });
  });

  it("answers a search in an unknown place with the UNKNOWN_PLACE notice", () => {
    expect(last(["crèche à Trifouillis-les-Oies"])).toMatchObject({ kind: "answer", notice: "UNKNOWN_PLACE", place: { text: "Trifouillis-les-Oies" } });
  });

  it("answers who runs a service outside the territory with the notice too", () => {
    expect(last(["Qui gère la crèche de Lens ?"])).toMatchObject({ kind: "answer", intent: "service.operator", notice: "OUT_OF_TERRITORY" });
  });

  it("drops the notice once the resident names a commune of the territory", () => {
    const { actions } = converse(["crèche à Paris", "et à Béthune ?"]);
    expect(actions[1]).toMatchObject({ notice: null, place: null, slots: { communeCode: "62119", serviceTypes: ["EAJE", "MICRO_CRECHE"] } });
  });

  it("answers a pending question with a place outside the territory", () => {
    expect(last(["Je cherche une crèche", "à Arras"])).toMatchObject({ kind: "answer", notice: "OUT_OF_TERRITORY", slots: { serviceTypes: ["EAJE", "MICRO_CRECHE"] } });
  });
});

describe("emergencies", () => {
  it("gives the emergency answer to « Mon conjoint me frappe »", () => {
    expect(last(["Mon conjoint me frappe, je ne sais pas quoi faire"])).toMatchObject({
      kind: "emergency",
      notice: "EMERGENCY",
      slots: { serviceTypes: ["ECOUTE_VIOLENCES_INTRAFAMILIALES"] },
    });
  });

  it("keeps the service search and its slots, with the emergency notice", () => {
    expect(last(["violences intrafamiliales écoute Béthune"])).toMatchObject({
      kind: "answer",
      intent: "services.find",
      notice: "EMERGENCY",
      slots: { communeCode: "62119", serviceTypes: ["ECOUTE_VIOLENCES_INTRAFAMILIALES"] },
    });
  });

  it("uses the commune of the conversation for the listening places", () => {
    expect(last(["crèche à Béthune", "mon mari me bat"])).toMatchObject({
      kind: "emergency",
      slots: { communeCode: "62119", serviceTypes: ["ECOUTE_VIOLENCES_INTRAFAMILIALES"] },
    });
  });

  it("then gives the listening places of the commune the resident names", () => {
    expect(last(["mon mari me bat", "Béthune"])).toMatchObject({
      kind: "answer",
      intent: "services.find",
      slots: { communeCode: "62119", serviceTypes: ["ECOUTE_VIOLENCES_INTRAFAMILIALES"] },
    });
  });

  it("never asks a question before giving the numbers", () => {
    expect(last(["mon fils est en danger, qui gère la crèche ?"]).kind).toBe("emergency");
  });

  it("keeps a question asked together with the emergency, with the notice", () => {
    expect(last(["mon mari me frappe, je cherche un centre social à Lillers"])).toMatchObject({
      kind: "answer",
      intent: "services.find",
      notice: "EMERGENCY",
      slots: { communeCode: "62516", serviceTypes: ["CENTRE_SOCIAL"] },
    });
  });
});

describe("greetings, help and questions out of scope", () => {
  it.each([
    ["Bonjour", "greeting"],
    ["merci beaucoup", "greeting"],
    ["aide", "help"],
    ["Que sais-tu faire ?", "help"],
    ["Quel temps fera-t-il demain ?", "out_of_scope"],
    ["Donne-moi une recette de crêpes", "out_of_scope"],
  ])("answers « %s » with %s", (text, kind) => {
    expect(last([text])).toMatchObject({ kind, intent: kind, notice: null });
  });

  it("starts every conversation empty", () => {
    expect(initialDialogueState()).toEqual({
      lastIntent: null,
      slots: { communeCode: null, serviceTypes: [], ageMonths: null, partnerId: null, serviceId: null },
      place: null,
      partnerText: null,
      pending: null,
      turns: 0,
    });
  });

  it("counts the turns", () => {
    expect(converse(["Bonjour", "crèche à Béthune", "merci"]).state.turns).toBe(3);
  });
});
