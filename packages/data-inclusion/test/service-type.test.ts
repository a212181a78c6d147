import { SERVICE_TYPE_CODES, type ServiceType } from "@ctg/territory-data";
import { describe, expect, it } from "vitest";
import { LISTING_OF_TYPE, serviceTypeOf } from "../src/service-type.ts";

describe("the mapping table from data·inclusion listings to service types", () => {
  it.each<[string, string[], string[], ServiceType | null]>([
    ["Micro-crèche Les P'tits Loups", ["famille--garde-denfants"], [], "MICRO_CRECHE"],
    ["MICROCRECHE LES BAMBINS", [], [], "MICRO_CRECHE"],
    ["Crèche familiale du Béthunois", ["famille--garde-denfants"], [], "EAJE"],
    ["Halte-garderie Les Moussaillons", ["famille--garde-denfants"], [], "EAJE"],
    ["Multi-accueil « Pomme d'Api »", [], [], "EAJE"],
    ["Garderie périscolaire de l'école Jules Ferry", ["famille--garde-denfants"], [], "PERISCOLAIRE"],
    ["Relais Petite Enfance de Lillers", ["famille--garde-denfants"], [], "RPE"],
    ["RAM intercommunal", [], [], "RPE"],
    ["Relais d'assistantes maternelles du Bruaysis", [], [], "RPE"],
    ["Maison d'assistantes maternelles Les Bambins", ["famille--garde-denfants"], [], "MAM"],
    ["MAM Les Doudous", [], [], "MAM"],
    ["Lieu d'Accueil Enfants-Parents La Passerelle", [], [], "LAEP"],
    ["Centres de loisirs de l'Office de la Jeunesse", [], [], "ALSH"],
    ["Centre aéré d'été", [], [], "ALSH"],
    ["Centre social — accueil de loisirs du mercredi", [], ["fcsf"], "ALSH"],
    ["Aide aux devoirs", [], [], "CLAS"],
    ["Point Information Jeunesse", [], [], "PIJ"],
    ["Bus itinérant jeunesse", [], [], "SERVICE_MOBILE_JEUNESSE"],
    ["Local jeunes de Gosnay", [], [], "ESPACE_JEUNES"],
    ["Espace France Services de Houdain", [], [], "FRANCE_SERVICES"],
    ["Consultations de PMI à Béthune", [], [], "PMI"],
    ["Maison Départementale des Solidarités", [], [], "MDS"],
    ["Permanence de médiation familiale", ["famille--surmonter-conflits-separation-violence"], [], "SOUTIEN_PARENTALITE"],
    ["Écoute des victimes de violences conjugales", [], [], "ECOUTE_VIOLENCES_INTRAFAMILIALES"],
    ["Accueil d'enfants en situation de handicap", ["famille--garde-denfants"], [], "ACCUEIL_INCLUSIF_HANDICAP"],
    ["EVS Le Trait d'Union", [], [], "EVS"],
    ["Centre socioculturel Jacques Prévert", [], [], "CENTRE_SOCIAL"],
  ])("reads « %s » by its name", (name, thematiques, networks, type) => {
    expect(serviceTypeOf({ name, thematiques, networks })).toBe(type);
  });

  it.each<[string, string[], string[], ServiceType | null]>([
    ["Maison de l'Enfance et de la Famille", ["famille--soutien-a-la-parentalite-et-a-leducation"], [], "SOUTIEN_PARENTALITE"],
    ["Accueil des petits", ["famille--garde-denfants"], [], "EAJE"],
    ["Permanence d'écoute", ["famille--surmonter-conflits-separation-violence"], [], "ECOUTE_VIOLENCES_INTRAFAMILIALES"],
    ["Aide aux démarches en ligne", ["numerique--acceder-a-des-services-en-ligne"], ["france-service"], "FRANCE_SERVICES"],
    ["Accueil et animation de la vie du quartier", ["remobilisation--lien-social"], ["fcsf"], "CENTRE_SOCIAL"],
    ["Accueil social", ["difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"], ["departements", "maisons-des-solidarites"], "MDS"],
  ])("reads « %s » by its thématiques and its structure's networks when the name says nothing", (name, thematiques, networks, type) => {
    expect(serviceTypeOf({ name, thematiques, networks })).toBe(type);
  });

  it.each<[string, string[], string[]]>([
    ["Atelier CV et lettre de motivation", ["preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"], ["mission-locale"]],
    ["Épicerie solidaire", ["equipement-et-alimentation--alimentation"], ["ccas-cias"]],
    ["Aide aux démarches en ligne", ["numerique--acceder-a-des-services-en-ligne"], []],
    ["Rendez-vous avec un conseiller", ["difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits"], ["caf"]],
    ["Garage solidaire", ["mobilite--entretenir-reparer-son-vehicule"], []],
  ])("leaves « %s » out: it is not a family service", (name, thematiques, networks) => {
    expect(serviceTypeOf({ name, thematiques, networks })).toBeNull();
  });

  it("gives every service type the thématiques it publishes, and reads them back with a plain name", () => {
    for (const type of SERVICE_TYPE_CODES) {
      expect(LISTING_OF_TYPE[type].thematiques.length).toBeGreaterThan(0);
    }
    expect(serviceTypeOf({ name: "Permanence", thematiques: LISTING_OF_TYPE.SOUTIEN_PARENTALITE.thematiques })).toBe("SOUTIEN_PARENTALITE");
    expect(serviceTypeOf({ name: "Permanence", thematiques: LISTING_OF_TYPE.ECOUTE_VIOLENCES_INTRAFAMILIALES.thematiques })).toBe("ECOUTE_VIOLENCES_INTRAFAMILIALES");
  });
});
