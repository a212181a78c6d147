import { communes } from "@ctg/territory-data/communes";
import { describe, expect, it } from "vitest";
import { understand } from "../src/understanding/index.ts";

const unaccentedLowerCase = (name: string): string =>
  name.toLowerCase().replace(/œ/g, "oe").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
const codeOf = (name: string): string => {
  const commune = communes.find((c) => c.name === name);
  if (!commune) throw new Error(`no commune ${name}`);
  return commune.code;
};

describe("recognising each of the 100 communes", () => {
  const all = communes.map((c) => [c.name, c.code] as const);

  it("knows exactly 100 communes", () => {
    expect(all).toHaveLength(100);
  });

  it.each(all)("recognises %s by its exact name, alone and in a question", (name, code) => {
    expect(understand(name).communeCode).toBe(code);
    expect(understand(`Je cherche une crèche à ${name}`).communeCode).toBe(code);
    expect(understand(`Qui gère le centre social de ${name} ?`).communeCode).toBe(code);
  });

  it.each(all)("recognises %s written in lower case without accents", (name, code) => {
    const plain = unaccentedLowerCase(name);
    expect(understand(plain).communeCode).toBe(code);
    expect(understand(`je cherche une creche a ${plain}`).communeCode).toBe(code);
    expect(understand(`centre de loisirs ${plain.replace(/-/g, " ")}`).communeCode).toBe(code);
  });

  it.each(all)("recognises %s written in capitals", (name, code) => {
    expect(understand(`CRECHE A ${unaccentedLowerCase(name).toUpperCase()}`).communeCode).toBe(code);
  });

  const postalCodes = new Set(communes.flatMap((c) => c.postalCodes));
  const inseeOnly = all.filter(([, code]) => !postalCodes.has(code));
  const inseeAlsoPostal = all.filter(([, code]) => postalCodes.has(code));

  it.each(inseeOnly)("recognises %s by its INSEE code %s", (_name, code) => {
    const u = understand(`crèche ${code}`);
    expect(u.communeCode).toBe(code);
    expect(u.place).toBeNull();
  });

  it.each(inseeAlsoPostal)("recognises %s by its INSEE code %s when « INSEE » says so (the code is also a postal code)", (_name, code) => {
    expect(understand(`crèche code INSEE ${code}`).communeCode).toBe(code);
    expect(understand(`crèche ${code}`).commune?.how).toBe("postalCode");
  });
});

describe("recognising communes as residents write them", () => {
  it.each([
    ["Bruay", "Bruay-la-Buissière"],
    ["bruay", "Bruay-la-Buissière"],
    ["Noeux", "Nœux-les-Mines"],
    ["Nœux", "Nœux-les-Mines"],
    ["NOEUX", "Nœux-les-Mines"],
    ["Hersin", "Hersin-Coupigny"],
    ["Marles", "Marles-les-Mines"],
    ["Billy", "Billy-Berclau"],
    ["Camblain", "Camblain-Châtelain"],
    ["Fouquières", "Fouquières-lès-Béthune"],
    ["Hesdigneul", "Hesdigneul-lès-Béthune"],
    ["Vendin", "Vendin-lès-Béthune"],
    ["Norrent", "Norrent-Fontes"],
    ["Sailly", "Sailly-Labourse"],
    ["Drouvin", "Drouvin-le-Marais"],
    ["Fresnicourt", "Fresnicourt-le-Dolmen"],
    ["Gauchin", "Gauchin-Légal"],
    ["Givenchy", "Givenchy-lès-la-Bassée"],
    ["Noyelles", "Noyelles-lès-Vermelles"],
    ["Maisnil", "Maisnil-lès-Ruitz"],
    ["Rebreuve", "Rebreuve-Ranchicourt"],
    ["Coupigny", "Hersin-Coupigny"],
  ])("reads the partial name « %s » as %s", (text, name) => {
    const u = understand(`crèche à ${text}`);
    expect(u.communeCode).toBe(codeOf(name));
    expect(u.commune?.how).toBe("partialName");
  });

  it.each([
    ["Calonne", "Calonne-Ricouart", "Calonne-sur-la-Lys"],
    ["Auchy", "Auchy-les-Mines", "Auchy-au-Bois"],
    ["Estrée", "Estrée-Blanche", "Estrée-Cauchy"],
  ])("reads the ambiguous « %s » as the most populous %s and keeps %s as a candidate", (text, first, other) => {
    const u = understand(`centre social ${text}`);
    expect(u.communeCode).toBe(codeOf(first));
    expect(u.commune?.candidates).toEqual([codeOf(first), codeOf(other)]);
  });

  it.each([
    ["St Venant", "Saint-Venant"],
    ["st-venant", "Saint-Venant"],
    ["ST VENANT", "Saint-Venant"],
    ["Saint Venant", "Saint-Venant"],
    ["St-Floris", "Saint-Floris"],
    ["saint floris", "Saint-Floris"],
    ["St Hilaire Cottes", "Saint-Hilaire-Cottes"],
    ["Noeux-les-Mines", "Nœux-les-Mines"],
    ["noeux les mines", "Nœux-les-Mines"],
    ["NŒUX LES MINES", "Nœux-les-Mines"],
    ["noeuxlesmines", "Nœux-les-Mines"],
    ["Bruay la Buissière", "Bruay-la-Buissière"],
    ["bruay-la-buissiere", "Bruay-la-Buissière"],
    ["BRUAY LA BUISSIERE", "Bruay-la-Buissière"],
    ["Calonne Ricouart", "Calonne-Ricouart"],
    ["Billy Berclau", "Billy-Berclau"],
    ["marles les mines", "Marles-les-Mines"],
    ["Fouquieres les Bethune", "Fouquières-lès-Béthune"],
    ["Givenchy les la Bassee", "Givenchy-lès-la-Bassée"],
  ])("reads « %s » as %s (Saint/St, œ/oe, hyphens, spaces, case)", (text, name) => {
    expect(understand(`Je cherche une crèche à ${text}`).communeCode).toBe(codeOf(name));
  });

  it.each([
    ["Bethnue", "Béthune"],
    ["Betune", "Béthune"],
    ["Béthunne", "Béthune"],
    ["bethun", "Béthune"],
    ["Lilers", "Lillers"],
    ["Lillerss", "Lillers"],
    ["Beuvri", "Beuvry"],
    ["Isbergue", "Isbergues"],
    ["Bruay la Buisière", "Bruay-la-Buissière"],
    ["Calonne Ricouard", "Calonne-Ricouart"],
    ["Haillicour", "Haillicourt"],
    ["Vermelle", "Vermelles"],
    ["Lapugnoi", "Lapugnoy"],
    ["Douvrain", "Douvrin"],
    ["Auchell", "Auchel"],
    ["marle les mines", "Marles-les-Mines"],
    ["Annezain", "Annezin"],
    ["Chocque", "Chocques"],
    ["divon", "Divion"],
    ["chcques", "Chocques"],
    ["sant venant", "Saint-Venant"],
    ["cachy a la tour", "Cauchy-à-la-Tour"],
    ["bray la buissiere", "Bruay-la-Buissière"],
    ["Saint-Hilaire-Cotte", "Saint-Hilaire-Cottes"],
  ])("forgives the typo « %s » for %s", (text, name) => {
    const u = understand(`crèche à ${text}`);
    expect(u.communeCode).toBe(codeOf(name));
    expect(u.place).toBeNull();
  });

  it("says the commune was recognised through a typo, for « vouliez-vous dire… ? »", () => {
    const u = understand("Où trouver une crèche à Bethnue ?");
    expect(u.commune).toMatchObject({ code: "62119", how: "typo", text: "Bethnue" });
  });

  it.each([
    ["à Béthune"],
    ["a bethune"],
    ["sur Béthune"],
    ["de Béthune"],
    ["du côté de Béthune"],
    ["près de Béthune"],
    ["vers Béthune"],
    ["dans la ville de Béthune"],
  ])("reads the commune after the preposition in « crèche %s »", (words) => {
    expect(understand(`crèche ${words}`).communeCode).toBe("62119");
  });

  it.each([["Le RAM d'Auchel"], ["le relais d auchel"], ["la crèche du Auchel"]])("reads the commune after an elided « d' » in « %s »", (text) => {
    expect(understand(text).communeCode).toBe("62048");
  });

  it("prefers the longer name to the commune it contains (Vendin-lès-Béthune, not Béthune)", () => {
    expect(understand("crèche à Vendin-lès-Béthune").communeCode).toBe("62841");
    expect(understand("Hesdigneul les Bethune").communeCode).toBe("62445");
  });

  it("takes the first commune when several are named", () => {
    expect(understand("crèche à Béthune ou à Beuvry").communeCode).toBe("62119");
  });
});

describe("reading postal codes", () => {
  const byPostalCode = new Map<string, { code: string; population: number }[]>();
  for (const c of communes) for (const p of c.postalCodes) byPostalCode.set(p, [...(byPostalCode.get(p) ?? []), c]);
  const table = [...byPostalCode].map(([postalCode, members]) => {
    const sorted = [...members].sort((a, b) => b.population - a.population);
    return [postalCode, sorted[0].code, sorted.map((m) => m.code)] as const;
  });

  it.each(table)("reads %s as its most populous commune %s and keeps every commune it covers", (postalCode, code, candidates) => {
    const u = understand(`Je cherche une crèche ${postalCode}`);
    expect(u.communeCode).toBe(code);
    expect(u.commune?.how).toBe("postalCode");
    expect(u.commune?.candidates).toEqual(candidates);
  });

  it.each([
    ["crèche 62700", "62178"],
    ["crèche à 62290", "62617"],
    ["creche 62 700", "62178"],
    ["crèche 62400", "62119"],
    ["crèche 62260", "62048"],
    ["RPE 62150", "62457"],
  ])("reads « %s » as %s", (text, code) => {
    expect(understand(text).communeCode).toBe(code);
  });

  it("lists Béthune, Locon and Essars for 62400, most populous first", () => {
    expect(understand("crèche 62400").commune?.candidates).toEqual(["62119", "62520", "62310"]);
  });

  it.each([
    ["crèche 75011", "Paris"],
    ["crèche 59000", "Lille"],
    ["crèche 62300", "Lens"],
  ])("reads the postal code in « %s » as %s, outside the territory", (text, name) => {
    expect(understand(text).place).toMatchObject({ status: "OUT_OF_TERRITORY", name });
  });

  it("calls a postal code that exists nowhere an unknown place", () => {
    expect(understand("crèche à 62999").place).toEqual({ status: "UNKNOWN_PLACE", text: "62999" });
  });

  it("does not read an age or a year as a postal code", () => {
    expect(understand("CTG 2026-2030").communeCode).toBeNull();
    expect(understand("mon fils de 12 ans").place).toBeNull();
  });
});

describe("places outside the territory", () => {
  it.each([
    ["Je cherche une crèche à Paris", "Paris"],
    ["centre social à Lens", "Lens"],
    ["crèche à Arras", "Arras"],
    ["relais petite enfance Lille", "Lille"],
    ["creche lille", "Lille"],
    ["creche paris", "Paris"],
    ["crèche Douai", "Douai"],
    ["crèche à Liévin", "Liévin"],
    ["crèche à Lievin", "Liévin"],
    ["centre social de Lens", "Lens"],
    ["crèche vers Lens", "Lens"],
    ["j'habite à Saint-Omer", "Saint-Omer"],
    ["crèche à St Omer", "Saint-Omer"],
    ["crèche à Boulogne-sur-Mer", "Boulogne-sur-Mer"],
    ["crèche à Calais", "Calais"],
    ["crèche à Hénin-Beaumont", "Hénin-Beaumont"],
    ["une nounou sur Givenchy-en-Gohelle", "Givenchy-en-Gohelle"],
    ["je cherche une crèche à Bruay-sur-l'Escaut", "Bruay-sur-l'Escaut"],
    ["crèche à Annay", "Annay"],
    ["ALSH à Marseille", "Marseille"],
  ])("reads « %s » as %s, outside the territory", (text, name) => {
    const u = understand(text);
    expect(u.communeCode).toBeNull();
    expect(u.place).toMatchObject({ status: "OUT_OF_TERRITORY", name });
    expect(u.place?.status === "OUT_OF_TERRITORY" && u.place.code).toMatch(/^\d[\dAB]\d{3}$/);
  });

  it("gives the INSEE code of the commune outside the territory", () => {
    expect(understand("crèche à Paris").place).toMatchObject({ name: "Paris", code: "75056" });
  });

  it("prefers the homonym of the Pas-de-Calais (Annay 62) to those further away", () => {
    expect(understand("crèche à Annay").place).toMatchObject({ code: "62033" });
  });
});

describe("unknown places", () => {
  it.each([
    ["crèche à Trifouillis-les-Oies", "Trifouillis-les-Oies"],
    ["centre social à Groville", "Groville"],
    ["crèche sur Blablaville", "Blablaville"],
    ["Je cherche une nounou à Zorglubville", "Zorglubville"],
  ])("calls « %s » an unknown place", (text, place) => {
    const u = understand(text);
    expect(u.communeCode).toBeNull();
    expect(u.place).toEqual({ status: "UNKNOWN_PLACE", text: place });
  });
});

describe("not mistaking ordinary words for places", () => {
  it.each([
    ["Je cherche une crèche pour mon bébé"],
    ["sauver des âmes"],
    ["les âmes"],
    ["des ames"],
    ["cours de couture"],
    ["j'aime la couture"],
    ["j'aime le comté"],
    ["crèche à temps partiel"],
    ["crèche à partir de septembre"],
    ["crèche à côté de chez moi"],
    ["je cherche une creche a cote de chez moi"],
    ["crèche à midi"],
    ["crèche sur place"],
    ["inscription sur internet"],
    ["ma fille a 3 ans"],
    ["il y a une crèche ?"],
    ["ma fille Marie a 3 ans"],
    ["pour mon fils Mathieu"],
    ["tu sers à quoi ?"],
    ["Est-ce que la crèche accepte les enfants à temps partiel ?"],
    ["Je travaille le samedi, qui peut garder ma fille ?"],
    ["On vient d'emménager, on cherche une nounou"],
    ["Ma femme est enceinte, où faire le suivi ?"],
    ["Quelles sont les aides pour les parents isolés ?"],
    ["Mon ado ne fait rien de ses vacances"],
    ["Y a-t-il des activités le mercredi après-midi ?"],
    ["Je voudrais parler à quelqu'un"],
    ["Est-ce que vous êtes ouverts pendant les vacances de février ?"],
    ["Quels papiers faut-il pour l'inscription ?"],
    ["On a déménagé récemment dans le coin"],
    ["Il y a une liste d'attente ?"],
    ["La crèche est-elle fermée au mois d'août ?"],
    ["J'habite près de la gare"],
    ["Je cherche une crèche avec des horaires décalés"],
    ["Quelle différence entre une crèche et une MAM ?"],
    ["frais de garde"],
    ["prise en charge en ligne"],
    ["la CAF du Pas-de-Calais"],
    ["le maire a dit que la crèche ouvre en mars"],
    ["mode de garde pour la garde de mon fils"],
  ])("finds no place in « %s »", (text) => {
    const u = understand(text);
    expect(u.communeCode).toBeNull();
    expect(u.place).toBeNull();
  });

  it("reads « Ames » as the commune only where a place is expected, not « âmes »", () => {
    expect(understand("crèche à Ames").communeCode).toBe("62028");
    expect(understand("crèche à ames").communeCode).toBe("62028");
    expect(understand("Ames").communeCode).toBe("62028");
    expect(understand("crèche ames").communeCode).toBe("62028");
    expect(understand("prier pour les âmes").communeCode).toBeNull();
  });

  it("reads « La Couture » and « La Comté » as communes only where a place is expected", () => {
    expect(understand("crèche à La Couture").communeCode).toBe("62252");
    expect(understand("centre social la couture").communeCode).toBe("62252");
    expect(understand("la couture").communeCode).toBe("62252");
    expect(understand("La Comté").communeCode).toBe("62232");
    expect(understand("un atelier de couture").communeCode).toBeNull();
  });
});

describe("service types", () => {
  it.each([
    ["une crèche", ["EAJE", "MICRO_CRECHE"]],
    ["creche", ["EAJE", "MICRO_CRECHE"]],
    ["CRECHE", ["EAJE", "MICRO_CRECHE"]],
    ["kreche", ["EAJE", "MICRO_CRECHE"]],
    ["les crèches", ["EAJE", "MICRO_CRECHE"]],
    ["un multi-accueil", ["EAJE", "MICRO_CRECHE"]],
    ["multi accueil", ["EAJE", "MICRO_CRECHE"]],
    ["une halte-garderie", ["EAJE", "MICRO_CRECHE"]],
    ["halte garderie", ["EAJE", "MICRO_CRECHE"]],
    ["micro-crèche", ["MICRO_CRECHE"]],
    ["micro creche", ["MICRO_CRECHE"]],
    ["microcrèche", ["MICRO_CRECHE"]],
    ["les micro-crèches", ["MICRO_CRECHE"]],
    ["assistante maternelle", ["MAM", "RPE"]],
    ["assistantes maternelles", ["MAM", "RPE"]],
    ["une asmat", ["MAM", "RPE"]],
    ["nounou", ["MAM", "RPE"]],
    ["des nounous", ["MAM", "RPE"]],
    ["une MAM", ["MAM", "RPE"]],
    ["relais petite enfance", ["RPE"]],
    ["le relais de la petite enfance", ["RPE"]],
    ["RPE", ["RPE"]],
    ["le RAM", ["RPE"]],
    ["relais assistantes maternelles", ["RPE"]],
    ["mode de garde", ["EAJE", "MICRO_CRECHE", "MAM", "RPE"]],
    ["faire garder mon bébé", ["EAJE", "MICRO_CRECHE", "MAM", "RPE"]],
    ["garde d'enfants", ["EAJE", "MICRO_CRECHE", "MAM", "RPE"]],
    ["centre de loisirs", ["ALSH"]],
    ["centre de loisir", ["ALSH"]],
    ["centre aéré", ["ALSH"]],
    ["centre aere", ["ALSH"]],
    ["accueil de loisirs", ["ALSH"]],
    ["acceuil de loisirs", ["ALSH"]],
    ["ALSH", ["ALSH"]],
    ["garderie", ["PERISCOLAIRE"]],
    ["garderie du soir", ["PERISCOLAIRE"]],
    ["accueil périscolaire", ["PERISCOLAIRE"]],
    ["le périsco", ["PERISCOLAIRE"]],
    ["accueil du matin", ["PERISCOLAIRE"]],
    ["accueil du soir", ["PERISCOLAIRE"]],
    ["pour les ados", ["ESPACE_JEUNES", "PIJ", "SERVICE_MOBILE_JEUNESSE"]],
    ["mon ado", ["ESPACE_JEUNES", "PIJ", "SERVICE_MOBILE_JEUNESSE"]],
    ["les jeunes", ["ESPACE_JEUNES", "PIJ", "SERVICE_MOBILE_JEUNESSE"]],
    ["espace jeunes", ["ESPACE_JEUNES", "PIJ", "SERVICE_MOBILE_JEUNESSE"]],
    ["local jeunes", ["ESPACE_JEUNES", "PIJ", "SERVICE_MOBILE_JEUNESSE"]],
    ["adolescents", ["ESPACE_JEUNES", "PIJ", "SERVICE_MOBILE_JEUNESSE"]],
    ["point information jeunesse", ["PIJ"]],
    ["point info jeunesse", ["PIJ"]],
    ["PIJ", ["PIJ"]],
    ["centre social", ["CENTRE_SOCIAL"]],
    ["centres sociaux", ["CENTRE_SOCIAL"]],
    ["espace de vie sociale", ["EVS"]],
    ["EVS", ["EVS"]],
    ["France Services", ["FRANCE_SERVICES"]],
    ["aide pour mes papiers", ["FRANCE_SERVICES"]],
    ["aide pour mes démarches", ["FRANCE_SERVICES"]],
    ["besoin d'aide pour faire mes papiers", ["FRANCE_SERVICES"]],
    ["démarches administratives", ["FRANCE_SERVICES"]],
    ["PMI", ["PMI"]],
    ["consultation nourrisson", ["PMI"]],
    ["consultation du nourrisson", ["PMI"]],
    ["maison du département", ["MDS"]],
    ["MDS", ["MDS"]],
    ["une assistante sociale", ["MDS"]],
    ["lieu d'accueil enfants-parents", ["LAEP"]],
    ["lieu d'accueil enfants parents", ["LAEP"]],
    ["LAEP", ["LAEP"]],
    ["soutien à la parentalité", ["SOUTIEN_PARENTALITE", "LAEP"]],
    ["aide aux parents", ["SOUTIEN_PARENTALITE", "LAEP"]],
    ["médiation familiale", ["SOUTIEN_PARENTALITE", "LAEP"]],
    ["mediation familiale", ["SOUTIEN_PARENTALITE", "LAEP"]],
    ["aide aux devoirs", ["CLAS"]],
    ["aide pour les devoirs", ["CLAS"]],
    ["accompagnement scolaire", ["CLAS"]],
    ["soutien scolaire", ["CLAS"]],
    ["CLAS", ["CLAS"]],
    ["handicap", ["ACCUEIL_INCLUSIF_HANDICAP"]],
    ["ma fille est handicapée", ["ACCUEIL_INCLUSIF_HANDICAP"]],
    ["enfant handicape", ["ACCUEIL_INCLUSIF_HANDICAP"]],
    ["accueil inclusif", ["ACCUEIL_INCLUSIF_HANDICAP"]],
    ["violences conjugales", ["ECOUTE_VIOLENCES_INTRAFAMILIALES"]],
    ["violence conjugale", ["ECOUTE_VIOLENCES_INTRAFAMILIALES"]],
    ["violences intrafamiliales", ["ECOUTE_VIOLENCES_INTRAFAMILIALES"]],
  ])("reads « %s » as %j", (text, types) => {
    expect(understand(text).serviceTypes).toEqual(types);
  });

  it.each([
    ["micro-crèche", ["MICRO_CRECHE"]],
    ["accueil de loisirs", ["ALSH"]],
    ["halte-garderie", ["EAJE", "MICRO_CRECHE"]],
    ["relais assistantes maternelles", ["RPE"]],
    ["point information jeunesse", ["PIJ"]],
    ["lieu d'accueil enfants-parents", ["LAEP"]],
    ["garderie du soir", ["PERISCOLAIRE"]],
  ])("lets the most specific phrase win: « %s » is only %j", (text, types) => {
    expect(understand(`${text} à Béthune`).serviceTypes).toEqual(types);
  });

  it("adds up the types of two different phrases", () => {
    expect(new Set(understand("une crèche ou une nounou à Béthune").serviceTypes)).toEqual(new Set(["EAJE", "MICRO_CRECHE", "MAM", "RPE"]));
  });

  it.each([
    ["aide"],
    ["un bébé"],
    ["pour mon fils de 15 ans à Lillers"],
    ["Quels services pour les familles à Richebourg ?"],
    ["jeunes parents"],
    ["un lieu pour les jeunes enfants"],
    ["Je cherche quelque chose pour ma fille"],
    ["la CAF"],
    ["bonjour"],
  ])("finds no service type in « %s »", (text) => {
    expect(understand(text).serviceTypes).toEqual([]);
  });
});

describe("ages", () => {
  it.each([
    ["mon bébé de 8 mois", 8],
    ["ma fille de 3 ans", 36],
    ["mon ado de 14 ans", 168],
    ["un bébé de 18 mois", 18],
    ["bébé de 1 an et demi", 18],
    ["il a 2 ans et demi", 30],
    ["2 ans et 3 mois", 27],
    ["un enfant de deux ans", 24],
    ["mon fils de dix-sept ans", 204],
    ["un an", 12],
    ["elle a 4ans", 48],
    ["3 ans", 36],
    ["mes enfants de 3 et 5 ans", 36],
    ["pour mon fils de 15 ans à Lillers", 180],
    ["un nourrisson de 3 semaines", 0],
    ["mon bebe a 6 moi", 6],
  ])("reads « %s » as %i months", (text, months) => {
    expect(understand(text).ageMonths).toBe(months);
  });

  it.each([["un bébé"], ["crèche 62700"], ["depuis 3 ans"], ["il y a 2 ans"], ["dans 2 ans"], ["la CTG 2026-2030"], ["bonjour"]])(
    "finds no age in « %s »",
    (text) => {
      expect(understand(text).ageMonths).toBeNull();
    },
  );
});

describe("partners", () => {
  it.each([
    ["Que propose la CAF ?", "caf-pas-de-calais"],
    ["la Caisse d'allocations familiales", "caf-pas-de-calais"],
    ["la caf du pas de calais", "caf-pas-de-calais"],
    ["le SIVOM du Bruaysis", "sivom-bruaysis"],
    ["SIVOM de Bruay", "sivom-bruaysis"],
    ["le sivom du bruaysis", "sivom-bruaysis"],
    ["le SIVOM du Béthunois", "sivom-bethunois"],
    ["SIVOM de la Communauté du Béthunois", "sivom-bethunois"],
    ["le sivom de l'Artois", "sivom-artois"],
    ["l'agglo", "cabbalr"],
    ["la CABBALR", "cabbalr"],
    ["l'agglomération de Béthune-Bruay", "cabbalr"],
    ["la communauté d'agglomération", "cabbalr"],
    ["le Département", "departement-pas-de-calais"],
    ["le conseil départemental", "departement-pas-de-calais"],
    ["la MSA", "msa-nord-pas-de-calais"],
    ["la mutualité sociale agricole", "msa-nord-pas-de-calais"],
    ["la mairie de Béthune", "commune-62119"],
    ["la ville de Lillers", "commune-62516"],
    ["la mairie de Bruay", "commune-62178"],
  ])("reads « %s » as the partner %s", (text, id) => {
    expect(understand(text).partner?.id).toBe(id);
  });

  it("keeps the resident's words for partners(search:)", () => {
    expect(understand("Que propose le SIVOM du Bruaysis ?").partner).toEqual({ id: "sivom-bruaysis", text: "SIVOM du Bruaysis" });
  });

  it("names no partner for « le SIVOM » alone but keeps the words", () => {
    expect(understand("que fait le SIVOM ?").partner).toEqual({ id: null, text: "SIVOM" });
  });

  it("does not read the commune inside a SIVOM's name or the agglomeration's name as the place asked about", () => {
    expect(understand("Que propose le SIVOM de Bruay ?").communeCode).toBeNull();
    expect(understand("Que propose l'agglomération de Béthune-Bruay ?").communeCode).toBeNull();
  });

  it("reads the commune of « la mairie de Béthune » as the commune too", () => {
    expect(understand("que propose la mairie de Béthune").communeCode).toBe("62119");
  });

  it("does not take « maison du département » for the Département", () => {
    const u = understand("Où est la maison du département à Béthune ?");
    expect(u.partner).toBeNull();
    expect(u.serviceTypes).toEqual(["MDS"]);
  });
});

describe("emergencies", () => {
  it.each([
    ["Mon conjoint me frappe, je ne sais pas quoi faire"],
    ["mon mari me bat"],
    ["mon copain me tape"],
    ["il m'a frappée hier soir"],
    ["mon ex me menace de mort"],
    ["violences conjugales"],
    ["violence conjugale à Béthune"],
    ["violences intrafamiliales écoute Béthune"],
    ["un enfant est maltraité dans mon immeuble"],
    ["je pense que ma voisine maltraite son enfant"],
    ["je suis en danger"],
    ["mon fils est en danger"],
    ["j'ai peur de mon mari"],
    ["mon compagnon est violent"],
    ["femme battue"],
    ["il me fait du mal"],
    ["ma fille a subi des attouchements"],
    ["au secours"],
    ["j'ai été agressée"],
    ["mon mari me viole"],
    ["MON MARI ME FRAPPE"],
    ["mon mari me frape"],
    ["il veut me tuer"],
    ["enfant en danger"],
    ["mon fils est harcelé"],
  ])("raises an emergency for « %s »", (text) => {
    expect(understand(text).emergency).toBe(true);
  });

  it.each([
    ["Je cherche une crèche à Béthune"],
    ["Qui finance le centre social ?"],
    ["j'ai besoin d'un coup de main pour mes papiers"],
    ["du coup je cherche une nounou"],
    ["tout à coup la crèche a fermé"],
    ["bonjour"],
    ["Combien de communes sont engagées dans la CTG ?"],
    ["mon fils joue du violon"],
    ["centre de loisirs cet été"],
  ])("raises no emergency for « %s »", (text) => {
    expect(understand(text).emergency).toBe(false);
  });
});

describe("intents", () => {
  const table: [string, string][] = [
    ["services.find", "Où trouver une crèche à Béthune ?"],
    ["services.find", "Y a-t-il une crèche à Lillers ?"],
    ["services.find", "Je voudrais inscrire mon fils au centre de loisirs de Beuvry"],
    ["services.find", "vous connaissez une nounou sur Auchel ?"],
    ["services.find", "Est-ce qu'il existe un espace jeunes à Isbergues ?"],
    ["services.find", "les crèches de Béthune"],
    ["services.find", "liste des assistantes maternelles à Barlin"],
    ["services.find", "Je cherche un accueil périscolaire pour mon fils de 7 ans à Houdain"],
    ["services.find", "Il y a quoi comme activités pour les jeunes à Calonne-Ricouart ?"],
    ["services.find", "où faire garder mon enfant de 2 ans a bruay"],
    ["services.find", "aide aux devoirs Lillers"],
    ["services.find", "ou trouver une PMI a Auchel"],
    ["services.find", "un LAEP à Béthune ?"],
    ["services.find", "CENTRE AERE LILLERS"],
    ["services.find", "jcherche une creche pr mon bb a bethune"],
    ["services.find", "ya une mam a burbure ?"],
    ["services.find", "centre de loisir pour ado de 13 ans noeux"],
    ["services.find", "Où se trouve la maison France Services la plus proche de Lillers ?"],
    ["services.find", "Il y a un relais assistantes maternelles à Auchel ?"],
    ["services.find", "Mon fils autiste peut-il aller au centre de loisirs à Béthune ?"],
    ["services.find", "Pour mon fils de 15 ans à Lillers, il y a quoi ?"],
    ["services.find", "Quels services pour les familles à Richebourg ?"],
    ["services.find", "Qui peut garder mon fils le mercredi à Béthune ?"],
    ["services.find", "Y a-t-il une crèche ouverte le samedi à Béthune ?"],
    ["services.find", "Je cherche une crèche"],
    ["services.find", "Bonjour, je cherche une crèche à Béthune svp"],
    ["services.find", "Le RAM d'Auchel c'est où ?"],
    ["service.operator", "Qui gère la crèche de Beuvry ?"],
    ["service.operator", "C'est qui qui gère le centre social de Lillers ?"],
    ["service.operator", "Le centre aéré de Béthune est géré par qui ?"],
    ["service.operator", "Qui est le gestionnaire de la micro-crèche de Beuvry ?"],
    ["service.operator", "quel est l'organisme gestionnaire du RPE de Lillers"],
    ["service.operator", "qui s'occupe du centre de loisirs d'Auchel"],
    ["service.operator", "Qui organise l'accueil de loisirs à Divion ?"],
    ["service.operator", "A qui appartient la crèche de Bruay ?"],
    ["service.operator", "qui est responsable de l'espace jeunes de Barlin ?"],
    ["service.operator", "QUI GERE LA CRECHE DE BEUVRY"],
    ["service.operator", "ki gere la kreche de beuvry"],
    ["service.operator", "qui le gère ?"],
    ["service.funding", "Qui finance la crèche de Béthune ?"],
    ["service.funding", "Qui paye le centre social de Bruay ?"],
    ["service.funding", "Le RPE de Lillers est financé par qui ?"],
    ["service.funding", "Qui subventionne le centre de loisirs de Beuvry ?"],
    ["service.funding", "Quels sont les financeurs de la crèche d'Auchel ?"],
    ["service.funding", "D'où vient l'argent de l'espace jeunes d'Isbergues ?"],
    ["service.funding", "Est-ce que la CAF finance la micro-crèche de Beuvry ?"],
    ["service.funding", "financement du LAEP de Douvrin"],
    ["service.funding", "combien la CAF verse pour la crèche de Béthune"],
    ["service.funding", "qui finence le rpe de bruay"],
    ["service.funding", "et qui le finance ?"],
    ["service.contact", "Quel est le téléphone de la crèche de Béthune ?"],
    ["service.contact", "numéro du centre social de Divion"],
    ["service.contact", "Comment joindre le RPE de Lillers ?"],
    ["service.contact", "Quelle est l'adresse du PIJ de Houdain ?"],
    ["service.contact", "C'est ouvert quand le centre de loisirs de Beuvry ?"],
    ["service.contact", "Horaires d'ouverture de la maison France Services de Calonne-Ricouart"],
    ["service.contact", "La crèche de Lapugnoy ouvre à quelle heure ?"],
    ["service.contact", "Comment contacter l'espace jeunes de Barlin ?"],
    ["service.contact", "mail de la PMI d'Annezin"],
    ["service.contact", "tel du ram d'auchel"],
    ["service.contact", "horraires creche lapugnoy"],
    ["service.contact", "c'est quoi leur numéro ?"],
    ["service.contact", "numéro de la CAF"],
    ["partner.services", "Que propose le SIVOM du Bruaysis ?"],
    ["partner.services", "Quels services gère la CAF ?"],
    ["partner.services", "Que fait la CAF ?"],
    ["partner.services", "Quels sont les services du SIVOM de l'Artois ?"],
    ["partner.services", "Qu'est-ce que propose l'agglo pour les familles ?"],
    ["partner.services", "Que propose le Département ?"],
    ["partner.services", "Quels services gère le SIVOM du Béthunois ?"],
    ["partner.services", "Quelles structures gère la MSA ?"],
    ["partner.services", "qu'est ce que fait la mairie de Lillers pour les enfants"],
    ["partner.services", "Quelles crèches gère le SIVOM du Bruaysis ?"],
    ["ctg.about", "C'est quoi la CTG ?"],
    ["ctg.about", "qu'est ce que la convention territoriale globale"],
    ["ctg.about", "A quoi sert la CTG ?"],
    ["ctg.about", "Expliquez-moi la CTG"],
    ["ctg.about", "Que veut dire CTG ?"],
    ["ctg.about", "CTG ?"],
    ["ctg.about", "Quels sont les objectifs de la convention territoriale globale ?"],
    ["ctg.about", "c koi la ctg"],
    ["ctg.signatories", "Qui a signé la convention territoriale globale ?"],
    ["ctg.signatories", "Quels sont les partenaires signataires de la CTG ?"],
    ["ctg.signatories", "Qui sont les signataires de la CTG ?"],
    ["ctg.signatories", "Quels partenaires ont signé la convention ?"],
    ["ctg.signatories", "Le Département a-t-il signé la CTG ?"],
    ["ctg.signatories", "La CTG a été signée par qui ?"],
    ["ctg.signatories", "La MSA a signé ?"],
    ["ctg.engagement", "Est-ce que Gosnay participe à la CTG ?"],
    ["ctg.engagement", "Combien de communes sont engagées dans la CTG ?"],
    ["ctg.engagement", "Est-ce que Lillers est engagée dans la CTG ?"],
    ["ctg.engagement", "Ma commune Beuvry fait-elle partie de la CTG ?"],
    ["ctg.engagement", "Combien de communes participent à la CTG ?"],
    ["ctg.engagement", "Gosnay adhère à la convention territoriale globale ?"],
    ["ctg.engagement", "Quelles communes sont engagées ?"],
    ["ctg.engagement", "Béthune a-t-elle rejoint la CTG ?"],
    ["ctg.engagement", "Est-ce que Béthune est dans la CTG ?"],
    ["ctg.engagement", "Lillers a signé la CTG ?"],
    ["funding.summary", "Combien représente le bonus territoire ?"],
    ["funding.summary", "Quel est le montant du bonus territoire ?"],
    ["funding.summary", "Combien d'argent la CAF met dans la CTG ?"],
    ["funding.summary", "Le bonus territoire a augmenté de combien ?"],
    ["funding.summary", "combien de millions pour la CTG ?"],
    ["funding.summary", "Quel budget pour la convention territoriale globale ?"],
    ["funding.summary", "Combien la CAF verse-t-elle au territoire ?"],
    ["funding.summary", "Qui finance la CTG ?"],
    ["funding.summary", "montant des financements"],
    ["greeting", "Bonjour"],
    ["greeting", "Salut !"],
    ["greeting", "bonsoir"],
    ["greeting", "coucou"],
    ["greeting", "Salut, ça va ?"],
    ["greeting", "Merci !"],
    ["greeting", "Bonjour madame"],
    ["greeting", "hello"],
    ["greeting", "Au revoir"],
    ["greeting", "slt"],
    ["greeting", "bjr"],
    ["greeting", "ok merci"],
    ["help", "aide"],
    ["help", "Aide"],
    ["help", "aide svp"],
    ["help", "Que sais-tu faire ?"],
    ["help", "Comment ça marche ?"],
    ["help", "Que peux-tu faire ?"],
    ["help", "Qu'est-ce que je peux te demander ?"],
    ["help", "help"],
    ["help", "À quoi tu sers ?"],
    ["help", "tu fais quoi"],
    ["help", "J'ai besoin d'aide"],
    ["help", "j'ai une question"],
    ["out_of_scope", "Quel temps fera-t-il demain ?"],
    ["out_of_scope", "Donne-moi une recette de crêpes"],
    ["out_of_scope", "Quel temps fait-il à Béthune ?"],
    ["out_of_scope", "Quel est le score du match de Lens ?"],
    ["out_of_scope", "Raconte-moi une blague"],
    ["out_of_scope", "Quelle est la capitale de l'Italie ?"],
    ["out_of_scope", "Je veux commander une pizza"],
    ["out_of_scope", "Recette de la tarte au maroilles"],
    ["out_of_scope", "Qui va gagner les élections ?"],
    ["out_of_scope", "horaires du train pour Lille"],
    ["out_of_scope", "Combien font 2 + 2 ?"],
    ["out_of_scope", "j'aime les chats"],
  ];

  it.each(table)("reads %s in « %s »", (intent, text) => {
    expect(understand(text).intent).toBe(intent);
  });

  it.each([["à Auchel"], ["et à Lillers ?"], ["3 ans"], ["Béthune"], ["62700"], ["elle a 8 ans en fait"], ["et les centres de loisirs ?"], ["la CAF"]])(
    "leaves the intent to the dialogue when « %s » only carries slots",
    (text) => {
      expect(understand(text).intent).toBeNull();
    },
  );

  it("marks a service type said without a question as inferred, to answer a pending question", () => {
    expect(understand("la crèche de Béthune")).toMatchObject({ intent: "services.find", intentFromSlotsOnly: true });
    expect(understand("Où trouver une crèche à Béthune ?")).toMatchObject({ intent: "services.find", intentFromSlotsOnly: false });
  });

  it("does not call an emergency out of scope", () => {
    expect(understand("Mon conjoint me frappe, je ne sais pas quoi faire").intent).not.toBe("out_of_scope");
  });
});

describe("follow-up hints", () => {
  it.each([
    ["et à Lillers ?"],
    ["Et à Béthune"],
    ["et qui le finance ?"],
    ["c'est quoi leur numéro ?"],
    ["qui le gère ?"],
    ["qui la gère ?"],
    ["leurs horaires ?"],
    ["comment les joindre ?"],
    ["et les centres de loisirs ?"],
    ["pareil à Beuvry"],
    ["je cherche aussi une nounou"],
    ["ils sont ouverts le samedi ?"],
    ["elle a 8 ans en fait"],
    ["qui gère cette crèche ?"],
  ])("marks « %s » as leaning on the previous message", (text) => {
    expect(understand(text).followUp).toBe(true);
  });

  it.each([
    ["Où trouver une crèche à Béthune ?"],
    ["Qui gère le RPE de Bruay ?"],
    ["Qu'est-ce qu'il y a pour les ados à Barlin ?"],
    ["Est-ce que Gosnay participe à la CTG ?"],
    ["Bonjour"],
    ["crèche ce soir"],
  ])("does not mark the self-contained « %s » as a follow-up", (text) => {
    expect(understand(text).followUp).toBe(false);
  });
});
