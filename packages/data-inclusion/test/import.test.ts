import { communes } from "@ctg/territory-data";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyPlan } from "../src/import/apply.ts";
import { importDataInclusion } from "../src/import/index.ts";
import { forgetImports, openTestHub, readFixture, scratch, snapshot, VALID, type TestHub } from "./support.ts";

let hub: TestHub;
beforeAll(async () => {
  hub = await openTestHub("di_import");
});
afterAll(async () => {
  await hub?.close();
});
beforeEach(async () => {
  await forgetImports(hub);
});

const serviceByOrigin = (originId: string) => hub.services.prisma.service.findFirst({ where: { originId }, include: { area: true } });
const partnerByOrigin = (originId: string) => hub.partners.prisma.partner.findFirst({ where: { originId } });

/** The fixtures a month later: one service changed, one gone with its structure, one from an older copy, one new. */
function newerFiles() {
  const files = scratch();
  const structures = readFixture("structures.json")
    .filter((s) => s.id !== "monenfant--mam-doudous")
    .map((s) => (s.id === "dora--cs-terrasses" ? { ...s, date_maj: "2026-11-02", telephone: "+33353480199" } : s));
  const services = readFixture("services.json")
    .filter((s) => s.id !== "monenfant--mam-doudous-1")
    .map((s) => {
      if (s.id === "monenfant--eaje-hirondelles") return { ...s, date_maj: "2026-11-02", horaires_accueil: "Mo-Fr 07:30-18:30; PH off" };
      if (s.id === "monenfant--rpe-lillers") return { ...s, date_maj: "2026-01-05", nom: "RPE de Lillers (ancienne fiche)" };
      return s;
    });
  services.push({
    source: "dora",
    structure_id: "dora--cs-terrasses",
    id: "dora--ateliers-samedi",
    nom: "Ateliers parents-enfants du samedi",
    description: "Un samedi sur deux, bricolage, cuisine et jeux à faire ensemble, parents et enfants, avec une animatrice famille.",
    date_maj: "2026-11-02",
    thematiques: ["famille--soutien-a-la-parentalite-et-a-leducation"],
    code_insee: "62178",
  });
  return { structures: files.write("structures.json", structures), services: files.write("services.json", services) };
}

/** The valid fixtures with the invalid ones appended. */
function mixedFiles() {
  const files = scratch();
  return {
    structures: files.write("structures.json", [...readFixture("structures.json"), ...readFixture("invalid-structures.json")]),
    services: files.write("services.json", [...readFixture("services.json"), ...readFixture("invalid-services.json")]),
  };
}

describe("import:data-inclusion", () => {
  it("imports the territory's family services and their operators, and leaves out the rest", async () => {
    const { report } = await importDataInclusion(VALID, hub);
    expect(report).toMatchObject({
      written: true,
      read: { structures: 15, services: 28 },
      services: { created: 22, updated: 0, archived: 0, unchanged: 0 },
      partners: { created: 6, updated: 0, archived: 0, reused: 6 },
      skipped: { outsideTerritory: 4, notAFamilyService: 2, withoutLocation: 0, olderThanStored: 0, structuresWithoutService: 3 },
      invalidCount: 0,
    });

    const pij = await serviceByOrigin("dora--bruay-pij");
    expect(pij).toMatchObject({ type: "PIJ", axis: "JEUNESSE", operatorId: "commune-62178", communeCode: "62178", website: "https://www.bruaylabuissiere.example.fr/pij", originSource: "dora" });
    expect((await serviceByOrigin("dora--caf-permanence-houdain"))?.operatorId).toBe("caf-pas-de-calais");
    expect((await serviceByOrigin("monenfant--halte-mousses"))?.operatorId).toBe("sivom-bethunois");
    const hirondelles = await serviceByOrigin("monenfant--eaje-hirondelles");
    expect(hirondelles).toMatchObject({
      type: "EAJE", address: "14 rue Louis Blanc, 62400 Béthune", lat: 50.5318, lon: 2.6388, phone: "03 53 48 02 01",
      ageMinMonths: 2, ageMaxMonths: 71, openingHours: "Mo-Fr 07:00-18:30; PH off", source: "data·inclusion:monenfant/monenfant--eaje-hirondelles",
    });
    expect(hirondelles?.sourceUpdatedOn?.toISOString()).toBe("2026-05-20T00:00:00.000Z");
    expect(hirondelles?.area.map((a) => a.communeCode).sort()).toEqual(["62119", "62126", "62847"]);
    expect((await serviceByOrigin("dora--mds-accueil"))?.area).toHaveLength(communes.length);
    expect((await serviceByOrigin("soliguide--cidff-ecoute"))?.area).toHaveLength(communes.length);
    expect(await serviceByOrigin("monenfant--alsh-lillers-vacances")).toMatchObject({ communeCode: "62516", ageMinMonths: 36, ageMaxMonths: 179 });
    // No place of its own: it is at its structure's, with its structure's hours.
    expect(await serviceByOrigin("soliguide--isbergues-cafe-parents")).toMatchObject({
      type: "SOUTIEN_PARENTALITE", communeCode: "62473", address: "Rue Émile Zola, 62330 Isbergues", lat: 50.6161, openingHours: "Mo-Fr 09:00-12:00,14:00-17:30",
    });
    expect(await serviceByOrigin("dora--clas-terrasses")).toMatchObject({ contactName: "Nadia Lefebvre", ageMinMonths: 72, ageMaxMonths: 191 });
    expect(await serviceByOrigin("dora--caf-rendez-vous")).toBeNull();
    expect(await serviceByOrigin("soliguide--wazemmes-alsh")).toBeNull();

    expect(await partnerByOrigin("dora--cs-terrasses")).toMatchObject({ kind: "ASSOCIATION", siret: "44912345600027", siren: "449123456", communeCode: "62178", phone: "03 53 48 01 04" });
    expect(await partnerByOrigin("dora--ccas-houdain")).toMatchObject({ kind: "CCAS", phone: "03 53 48 01 03" });
    expect(await partnerByOrigin("monenfant--micro-explorateurs")).toMatchObject({ kind: "AUTRE" });
    expect(await partnerByOrigin("dora--mds-artois")).toMatchObject({ kind: "DEPARTEMENT" });
    // Reused partners are left as they were.
    expect(await hub.partners.prisma.partner.findUnique({ where: { id: "commune-62178" } })).toMatchObject({ siret: null, originSource: null });
  });

  it("changes nothing when the same files are imported twice", async () => {
    await importDataInclusion(VALID, hub);
    const before = await snapshot(hub);
    const { report } = await importDataInclusion(VALID, hub);
    expect(report).toMatchObject({
      written: false,
      services: { created: 0, updated: 0, archived: 0, unchanged: 22 },
      partners: { created: 0, updated: 0, archived: 0, unchanged: 6 },
    });
    expect(await snapshot(hub)).toEqual(before);
  });

  it("updates in place from a newer file, archives what left it, and keeps the hub's copy over an older one", async () => {
    await importDataInclusion(VALID, hub);
    const { report } = await importDataInclusion(newerFiles(), hub);
    expect(report).toMatchObject({
      services: { created: 1, updated: 1, archived: 1, unchanged: 19 },
      partners: { created: 0, updated: 1, archived: 1, unchanged: 4 },
      skipped: { olderThanStored: 1 },
    });
    expect(await serviceByOrigin("monenfant--eaje-hirondelles")).toMatchObject({ openingHours: "Mo-Fr 07:30-18:30; PH off", archivedAt: null });
    expect((await serviceByOrigin("monenfant--mam-doudous-1"))?.archivedAt).toBeInstanceOf(Date);
    expect((await partnerByOrigin("monenfant--mam-doudous"))?.archivedAt).toBeInstanceOf(Date);
    expect((await serviceByOrigin("monenfant--rpe-lillers"))?.name).toBe("Relais Petite Enfance de Lillers");
    expect(await serviceByOrigin("dora--ateliers-samedi")).toMatchObject({ type: "SOUTIEN_PARENTALITE", archivedAt: null });
    expect(await partnerByOrigin("dora--cs-terrasses")).toMatchObject({ phone: "03 53 48 01 99" });
  });

  it("brings back a record that returns to the file, and archives the one that left", async () => {
    await importDataInclusion(VALID, hub);
    await importDataInclusion(newerFiles(), hub);
    const { report } = await importDataInclusion(VALID, hub);
    expect(report).toMatchObject({
      services: { created: 0, updated: 1, archived: 1 },
      partners: { created: 0, updated: 1, archived: 0 },
      skipped: { olderThanStored: 1 },
    });
    expect((await serviceByOrigin("dora--ateliers-samedi"))?.archivedAt).toBeInstanceOf(Date);
    expect(await serviceByOrigin("monenfant--mam-doudous-1")).toMatchObject({ archivedAt: null });
    expect(await partnerByOrigin("monenfant--mam-doudous")).toMatchObject({ archivedAt: null });
  });

  it("writes nothing in strict mode when one record is invalid, and says which and why", async () => {
    await importDataInclusion(VALID, hub);
    const before = await snapshot(hub);
    const { report } = await importDataInclusion(mixedFiles(), hub);
    expect(report).toMatchObject({ mode: "strict", written: false, invalidCount: 15, services: { created: 0, updated: 0, archived: 0 } });
    expect(await snapshot(hub)).toEqual(before);
  });

  it("imports the valid records in lenient mode and reports each invalid one with its reason", async () => {
    const { report } = await importDataInclusion(mixedFiles(), hub, { mode: "lenient" });
    expect(report).toMatchObject({ written: true, services: { created: 22 }, partners: { created: 6 }, invalidCount: 15 });
    const reasons = Object.fromEntries(report.invalid.map((r) => [`${r.file} ${r.id ?? `#${r.index}`}`, r.reason]));
    expect(reasons).toEqual({
      "structures dora--assoc-siret-tronque": expect.stringMatching(/^siret: « 4491234 » is not a SIRET number/),
      "structures dora--sans-nom": "nom: is required",
      "structures soliguide--date-impossible": expect.stringMatching(/^date_maj: « 2026-02-30 » is not a date/),
      "structures monenfant--reseau-inconnu": expect.stringMatching(/reseaux_porteurs: « mairie »/),
      "services dora--sans-structure": "structure_id: is required",
      "services monenfant--thematique-inconnue": expect.stringMatching(/« famille--creche » is not a data·inclusion thématique/),
      "services dora--horaires-libres": expect.stringMatching(/^horaires_accueil: .* not in OpenStreetMap opening_hours syntax/),
      "services monenfant--description-courte": "description: must be at least 50 characters (got 7)",
      "services dora--code-insee-faux": expect.stringMatching(/^code_insee: « 621 »/),
      "services dora--latitude-hors-limites": "latitude: must be between -90 and 90 (got 200)",
      "services dora--structure-absente": expect.stringMatching(/« dora--structure-inconnue » is not in the structures file/),
      "services dora--structure-invalide": expect.stringMatching(/its structure « dora--assoc-siret-tronque » is invalid \(siret:/),
      "services soliguide--courriel-invalide": expect.stringMatching(/nom: must not end with a full stop; courriel:/),
      "services dora--laep-cabane": expect.stringMatching(/is used twice in source « dora » \(also record #6\)/),
      "services #39": expect.stringMatching(/^\(record\): must be a JSON object \(got 42\)$/),
    });
  });

  it("keeps the hub's copy of a service whose record turned invalid, instead of archiving it", async () => {
    await importDataInclusion(VALID, hub);
    const files = scratch();
    const services = readFixture("services.json").map((s) => (s.id === "dora--bruay-pij" ? { ...s, code_insee: "621" } : s));
    const { report } = await importDataInclusion({ structures: VALID.structures, services: files.write("services.json", services) }, hub, { mode: "lenient" });
    expect(report).toMatchObject({ invalidCount: 1, services: { archived: 0, unchanged: 21 } });
    expect(await serviceByOrigin("dora--bruay-pij")).toMatchObject({ archivedAt: null });
  });

  it("undoes the partner writes when the services write fails", async () => {
    const { plan } = await importDataInclusion(VALID, hub, { dryRun: true });
    expect(plan!.partners.create).toHaveLength(6);
    const before = await snapshot(hub);
    // Someone else writes a service under an id the plan is about to create, between the plan and the write.
    const clash = plan!.services.create[5];
    await hub.services.prisma.service.create({
      data: { id: clash.id, name: "Écrit entre-temps", type: "EAJE", axis: "PETITE_ENFANCE", operatorId: "cabbalr", communeCode: "62119", source: "test" },
    });
    await expect(applyPlan(plan!, hub)).rejects.toThrow();
    const after = await snapshot(hub);
    expect(after.partners).toEqual(before.partners);
    expect(after.services.map((s) => s.id)).toEqual([clash.id]);
    await hub.services.prisma.service.delete({ where: { id: clash.id } });
  });

  it("undoes the partner writes when the services commit fails", async () => {
    await importDataInclusion(VALID, hub);
    const before = await snapshot(hub);
    // A constraint checked at commit makes the services database refuse the import's last step.
    await hub.services.sql.exec(`
      CREATE FUNCTION refuse_service_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'services commit refused by the test'; END $$;
      CREATE CONSTRAINT TRIGGER refuse_service_commit AFTER INSERT OR UPDATE ON "Service" DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION refuse_service_commit();`);
    try {
      const { plan } = await importDataInclusion(newerFiles(), hub, { dryRun: true });
      expect(plan!.partners.update.length + plan!.partners.archive.length).toBe(2);
      // PostgreSQL reports the failed commit; PGlite's adapter does not, and reading the writes back finds it.
      await expect(importDataInclusion(newerFiles(), hub)).rejects.toThrow(/services commit refused by the test|services database did not keep the import's changes/);
      const after = await snapshot(hub);
      // Everything is back but the versions, which never go back: a version names one state only.
      const unversioned = (s: typeof before) => ({ ...s, partners: s.partners.map(({ version: _, ...p }) => p) });
      expect(unversioned(after)).toEqual(unversioned(before));
      after.partners.forEach((p, i) => expect(p.version).toBeGreaterThanOrEqual(before.partners[i].version));
      expect(after.partners.filter((p, i) => p.version > before.partners[i].version)).toHaveLength(2);
    } finally {
      await hub.services.sql.exec(`DROP TRIGGER refuse_service_commit ON "Service"; DROP FUNCTION refuse_service_commit();`);
    }
  });

  it("reports what a dry run would do without writing it", async () => {
    const before = await snapshot(hub);
    const { report } = await importDataInclusion(VALID, hub, { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, written: false, services: { created: 22 }, partners: { created: 6 } });
    expect(await snapshot(hub)).toEqual(before);
  });
});
