import { readFileSync } from "node:fs";
import { identityOf } from "@ctg/kit";
import { createContext } from "@ctg/subgraph-services/src/context.ts";
import { createService } from "@ctg/subgraph-services/src/mutations.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDataInclusion } from "../src/export/index.ts";
import { importDataInclusion } from "../src/import/index.ts";
import { SAMPLE_NOTICE } from "../src/sample-notice.ts";
import { validateService, validateStructure } from "../src/validate.ts";
import { HUB_SOURCE } from "../src/vocabulary.ts";
import { openTestHub, scratch, snapshot, VALID, type TestHub } from "./support.ts";

let hub: TestHub;
let fresh: TestHub;
beforeAll(async () => {
  [hub, fresh] = await Promise.all([openTestHub("di_export", { sampleServices: true }), openTestHub("di_export_fresh")]);
  await importDataInclusion(VALID, hub);
});
afterAll(async () => {
  await Promise.all([hub?.close(), fresh?.close()]);
});

const readArray = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>[];

/** A service as residents see it: every field the format carries, and whether it is sample data. */
async function servicesOf(db: TestHub, where: object = {}) {
  const rows = await db.services.prisma.service.findMany({ where: { archivedAt: null, ...where }, include: { area: true }, orderBy: { id: "asc" } });
  return rows.map((s) => ({
    id: s.id, name: s.name, type: s.type, axis: s.axis, description: s.description, operatorId: s.operatorId, communeCode: s.communeCode,
    address: s.address, lat: s.lat, lon: s.lon, ageMinMonths: s.ageMinMonths, ageMaxMonths: s.ageMaxMonths, phone: s.phone, email: s.email,
    website: s.website, openingHours: s.openingHours, contactName: s.contactName, isSample: s.source.startsWith("sample:"),
    area: s.area.map((a) => a.communeCode).sort(),
  }));
}

describe("export:data-inclusion", () => {
  it("publishes the services editors entered, never their contact persons, and leaves drafts out", async () => {
    const ctx = createContext(hub.services, { identity: identityOf("PARTNER_EDITOR", "sivom-bruaysis") });
    const contacts = [{ name: "Julie Marchand", role: "animatrice", phone: "06 12 34 56 78", email: "j.marchand@example.org" }];
    const base = { type: "RPE" as const, communeCode: "62178", contacts };
    const published = await createService(ctx, { input: { ...base, name: "Relais saisi dans le hub", status: "PUBLISHED" } });
    const draft = await createService(ctx, { input: { ...base, name: "Relais en préparation" } });
    const report = await exportDataInclusion(hub, scratch().dir);
    const services = readArray(report.files.services);
    const listed = services.find((s) => s.id === published.id || String(s.id).endsWith(published.id));
    expect(listed).toMatchObject({ nom: "Relais saisi dans le hub" });
    expect(services.some((s) => String(s.id).includes(draft.id))).toBe(false);
    expect(report.left.drafts).toBeGreaterThanOrEqual(1);
    const text = readFileSync(report.files.services, "utf8") + readFileSync(report.files.structures, "utf8");
    expect(text).not.toMatch(/Julie Marchand|j\.marchand|06 12 34 56 78|\+33612345678/);
    await hub.services.prisma.service.deleteMany({ where: { id: { in: [published.id, draft.id] } } });
  });

  it("publishes only the hub's real services by default: no sample data, nothing imported from other producers", async () => {
    const out = scratch().dir;
    const report = await exportDataInclusion(hub, out);
    const services = readArray(report.files.services);
    const real = await hub.services.prisma.service.count({ where: { archivedAt: null, originSource: null, NOT: { source: { startsWith: "sample:" } } } });
    expect(real).toBeGreaterThan(0);
    expect(services).toHaveLength(real);
    expect(report.left.sample).toBeGreaterThan(300);
    expect(report.left.imported).toBe(22);
    expect(services.every((s) => !String(s.description).startsWith(SAMPLE_NOTICE))).toBe(true);
  });

  it("writes records that follow the data·inclusion rules, each service's structure in the structures file", async () => {
    const report = await exportDataInclusion(hub, scratch().dir, { includeSample: true, includeImported: true });
    expect(report.unpublishable).toEqual([]);
    const structures = readArray(report.files.structures);
    const services = readArray(report.files.services);
    expect(services.length).toBe(await hub.services.prisma.service.count({ where: { archivedAt: null } }));
    for (const structure of structures) expect(validateStructure(structure), JSON.stringify(structure)).toMatchObject({ ok: true });
    for (const service of services) expect(validateService(service), JSON.stringify(service)).toMatchObject({ ok: true });
    const structureIds = new Set(structures.map((s) => s.id));
    expect(structureIds.size).toBe(structures.length);
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
    expect(services.every((s) => structureIds.has(s.structure_id))).toBe(true);
    expect(services.every((s) => s.source === HUB_SOURCE && String(s.id).startsWith(`${HUB_SOURCE}--`))).toBe(true);

    const mds = services.find((s) => s.id === `${HUB_SOURCE}--svc-mds-62119-0003`);
    expect(mds).toMatchObject({ zone_eligibilite: ["200072460"], code_insee: "62119", adresse: "rue Boutleux", code_postal: "62400", commune: "Béthune", thematiques: expect.arrayContaining(["famille--soutien-a-la-parentalite-et-a-leducation"]) });
    const periscolaire = services.find((s) => String(s.id).startsWith(`${HUB_SOURCE}--svc-periscolaire-`))!;
    expect(periscolaire).toMatchObject({ frais: "payant", publics: ["familles"], publics_precisions: "De 3 ans à 11 ans.", telephone: expect.stringMatching(/^\+33353\d{6}$/) });
    expect(String(periscolaire.description).startsWith(SAMPLE_NOTICE)).toBe(true);
  });

  it("gives back the same services when its export is imported into an empty hub", async () => {
    const report = await exportDataInclusion(hub, scratch().dir, { includeSample: true });
    const { report: imported } = await importDataInclusion(report.files, fresh);
    const original = await servicesOf(hub, { originSource: null });
    expect(imported).toMatchObject({ invalidCount: 0, services: { created: original.length }, partners: { created: 0 } });
    expect(await servicesOf(fresh)).toEqual(original);

    const before = await snapshot(fresh);
    const { report: again } = await importDataInclusion(report.files, fresh);
    expect(again).toMatchObject({ written: false, services: { created: 0, updated: 0, archived: 0, unchanged: original.length } });
    expect(await snapshot(fresh)).toEqual(before);
  });

  it("finds its own services again when its export comes back to the same hub, and changes nothing", async () => {
    const report = await exportDataInclusion(hub, scratch().dir, { includeSample: true });
    const before = await snapshot(hub);
    const { report: imported } = await importDataInclusion(report.files, hub);
    expect(imported).toMatchObject({ written: false, services: { created: 0, updated: 0, archived: 0 }, partners: { created: 0, updated: 0 } });
    expect(await snapshot(hub)).toEqual(before);
  });
});
