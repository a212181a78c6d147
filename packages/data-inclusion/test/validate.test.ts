import { readFileSync } from "node:fs";
import { communes } from "@ctg/territory-data";
import { describe, expect, it } from "vitest";
import { joinAddress, splitAddress } from "../src/address.ts";
import { formatAgeRange, parseAgeRange } from "../src/ages.ts";
import { toDisplayPhone, toE164Phone } from "../src/phone.ts";
import { serviceAreaOf, territoryCommuneOf, zoneOf } from "../src/territory.ts";
import { formatProblems, validateService, validateStructure } from "../src/validate.ts";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8")) as unknown[];
const byId = (records: unknown[]) => new Map(records.map((r) => [(r as { id?: string })?.id ?? String(r), r]));

describe("data·inclusion v1 validation", () => {
  it("accepts every record of the valid fixtures", () => {
    for (const record of fixture("structures.json")) expect(validateStructure(record)).toMatchObject({ ok: true });
    for (const record of fixture("services.json")) expect(validateService(record)).toMatchObject({ ok: true });
  });

  it.each([
    ["dora--assoc-siret-tronque", /^siret: « 4491234 » is not a SIRET number/],
    ["dora--sans-nom", /^nom: is required$/],
    ["soliguide--date-impossible", /^date_maj: « 2026-02-30 » is not a date/],
    ["monenfant--reseau-inconnu", /courriel: « loupiots@ » is not an e-mail address; reseaux_porteurs: « mairie » is not a data·inclusion réseau porteur/],
  ])("refuses the structure %s, saying why", (id, reason) => {
    const checked = validateStructure(byId(fixture("invalid-structures.json")).get(id));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(formatProblems(checked.problems)).toMatch(reason);
  });

  it.each([
    ["dora--sans-structure", /^structure_id: is required$/],
    ["monenfant--thematique-inconnue", /^thematiques: « famille--creche » is not a data·inclusion thématique$/],
    ["dora--horaires-libres", /^horaires_accueil: « du lundi au vendredi de 9h à 17h » is not in OpenStreetMap opening_hours syntax/],
    ["monenfant--description-courte", /^description: must be at least 50 characters \(got 7\)$/],
    ["dora--code-insee-faux", /^code_insee: « 621 » is not an INSEE commune code/],
    ["dora--latitude-hors-limites", /^latitude: must be between -90 and 90 \(got 200\)$/],
    ["soliguide--courriel-invalide", /^nom: must not end with a full stop; courriel: « ecoute@cidff » is not an e-mail address$/],
  ])("refuses the service %s, saying why", (id, reason) => {
    const checked = validateService(byId(fixture("invalid-services.json")).get(id));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(formatProblems(checked.problems)).toMatch(reason);
  });

  it("refuses what is not an object, and values of the wrong JSON type", () => {
    expect(validateService(42)).toMatchObject({ ok: false, problems: [{ field: "(record)" }] });
    const wrongTypes = validateStructure({ source: "dora", id: "x", nom: "Centre social", description: "x".repeat(60), date_maj: "2026-01-01", code_postal: 62400, reseaux_porteurs: "caf" });
    expect(wrongTypes.ok).toBe(false);
    if (!wrongTypes.ok) expect(wrongTypes.problems.map((p) => p.field)).toEqual(["code_postal", "reseaux_porteurs"]);
  });

  it("trims strings, drops unknown fields and empty lists, and writes opening hours in their canonical form", () => {
    const checked = validateService({
      source: "dora", structure_id: "s", id: " v1 ", nom: "  Relais Petite Enfance ", description: "d".repeat(60), date_maj: "2026-01-01",
      publics: [], thematiques: ["famille--garde-denfants", "famille--garde-denfants"], horaires_accueil: "lun-ven 9h-12h", champ_inconnu: true,
    });
    expect(checked).toEqual({
      ok: true,
      record: { source: "dora", structure_id: "s", id: "v1", nom: "Relais Petite Enfance", description: "d".repeat(60), date_maj: "2026-01-01", thematiques: ["famille--garde-denfants"], horaires_accueil: "Mo-Fr 09:00-12:00" },
    });
  });
});

describe("fields between the hub and data·inclusion", () => {
  it("reads French phone numbers in any spelling and writes them in E.164, both ways exactly", () => {
    for (const raw of ["+33321613972", "03.21.61.39.72", "0321613972", "+33 3 21 61 39 72", "0033321613972"]) expect(toDisplayPhone(raw)).toBe("03 21 61 39 72");
    expect(toE164Phone("03 21 61 39 72")).toBe("+33321613972");
    expect(toDisplayPhone("3230")).toBe("3230");
    expect(toE164Phone("3230")).toBe("3230");
  });

  it.each([
    ["Enfants de 2 mois à 5 ans.", 2, 71],
    ["De 3 à 11 ans", 36, 143],
    ["de 11 ans à 17 ans", 132, 215],
    ["Enfants de moins de 6 ans et leurs parents", null, 71],
    ["Jusqu'à 18 mois", null, 18],
    ["À partir de 16 ans", 192, null],
    ["De la naissance à 3 ans", 0, 47],
  ])("reads the ages in « %s »", (text, min, max) => {
    expect(parseAgeRange(text)).toEqual({ ageMinMonths: min, ageMaxMonths: max });
  });

  it("writes every age range of the service types in words it reads back the same", () => {
    for (const range of [{ ageMinMonths: 2, ageMaxMonths: 71 }, { ageMinMonths: 0, ageMaxMonths: 215 }, { ageMinMonths: null, ageMaxMonths: 71 }, { ageMinMonths: 144, ageMaxMonths: 311 }, { ageMinMonths: 36, ageMaxMonths: null }, { ageMinMonths: 5, ageMaxMonths: 30 }]) {
      expect(parseAgeRange(formatAgeRange(range))).toEqual(range);
    }
    expect(formatAgeRange({ ageMinMonths: null, ageMaxMonths: null })).toBeNull();
    expect(parseAgeRange("Ouvert de 9 à 12 h")).toBeNull();
  });

  it("splits the hub's address line into data·inclusion's fields and joins them back", () => {
    const line = "12 rue Jean Jaurès, 62400 Béthune";
    const parts = splitAddress(line)!;
    expect(parts).toEqual({ adresse: "12 rue Jean Jaurès", code_postal: "62400", commune: "Béthune" });
    expect(joinAddress(parts)).toBe(line);
    expect(joinAddress({ adresse: "Salle des sports", complement_adresse: "1er étage", code_postal: "62190", commune: "Lillers" })).toBe("Salle des sports, 1er étage, 62190 Lillers");
  });

  it("places a record among the 100 communes by INSEE code, or by postal code and name", () => {
    expect(territoryCommuneOf({ code_insee: "62119" })).toBe("62119");
    expect(territoryCommuneOf({ code_insee: "62041" })).toBeNull();
    expect(territoryCommuneOf({ code_postal: "62700" })).toBe("62178");
    expect(territoryCommuneOf({ code_postal: "62190", commune: "LILLERS" })).toBe("62516");
    expect(territoryCommuneOf({ code_postal: "62190" })).toBeNull();
    expect(territoryCommuneOf({ code_postal: "59000", commune: "Lille" })).toBeNull();
  });

  it("reads a zone_eligibilite as the territory's communes: INSEE codes, the EPCI, the département, the region or the nation", () => {
    expect(serviceAreaOf(["62847", "62126", "59350"], "62119")).toEqual(["62119", "62126", "62847"]);
    expect(serviceAreaOf(null, "62119")).toEqual(["62119"]);
    for (const code of ["200072460", "62", "32", "france", "99100"]) expect(serviceAreaOf([code], "62119")).toHaveLength(communes.length);
    expect(serviceAreaOf(["59", "200093201"], "62119")).toEqual(["62119"]);
    expect(zoneOf(communes.map((c) => c.code))).toEqual(["200072460"]);
    expect(zoneOf(["62847", "62119"])).toEqual(["62119", "62847"]);
  });
});
