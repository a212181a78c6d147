import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateLargeFiles } from "../src/generate.ts";
import { readJsonArray } from "../src/json-file.ts";
import { serviceTypeOf } from "../src/service-type.ts";
import { isTerritoryCommune } from "../src/territory.ts";
import { validateService, validateStructure } from "../src/validate.ts";
import { scratch } from "./support.ts";

describe("the large-file generator", () => {
  it("writes the same files for the same seed", async () => {
    const [a, b] = [scratch().dir, scratch().dir];
    await generateLargeFiles({ services: 300, outDir: a, seed: 7 });
    await generateLargeFiles({ services: 300, outDir: b, seed: 7 });
    for (const name of ["structures.json", "services.json"]) {
      expect(readFileSync(path.join(a, name), "utf8")).toBe(readFileSync(path.join(b, name), "utf8"));
    }
  });

  it("spreads services across France with the asked share in the territory, a mix of family and other services, and some broken records", async () => {
    const dir = scratch().dir;
    const files = await generateLargeFiles({ services: 4_000, outDir: dir, seed: 2026, territoryShare: 0.1, invalidShare: 0.02 });
    expect(files.counts.services).toBe(4_000);
    const structureIds = new Set<string>();
    let invalidStructures = 0;
    for await (const raw of readJsonArray(files.structures, "structures")) {
      structureIds.add((raw as { id: string }).id);
      if (!validateStructure(raw).ok) invalidStructures++;
    }
    expect(structureIds.size).toBe(files.counts.structures);
    let invalid = 0;
    let inTerritory = 0;
    let family = 0;
    const departements = new Set<string>();
    for await (const raw of readJsonArray(files.services, "services")) {
      const service = raw as { structure_id: string; code_insee: string; nom: string; thematiques: string[] };
      expect(structureIds.has(service.structure_id)).toBe(true);
      if (!validateService(raw).ok) invalid++;
      if (isTerritoryCommune(service.code_insee)) inTerritory++;
      if (serviceTypeOf({ name: service.nom, thematiques: service.thematiques })) family++;
      departements.add(String(service.code_insee).slice(0, 2));
    }
    expect(inTerritory / 4_000).toBeGreaterThan(0.06);
    expect(inTerritory / 4_000).toBeLessThan(0.14);
    expect(family / 4_000).toBeGreaterThan(0.5);
    expect(family / 4_000).toBeLessThan(0.7);
    expect(invalid / 4_000).toBeGreaterThan(0.01);
    expect(invalid / 4_000).toBeLessThan(0.03);
    expect(invalidStructures).toBeGreaterThan(0);
    expect(departements.size).toBeGreaterThan(60);
  });
});
