import { identityOf, RESIDENT, type Identity } from "@ctg/kit";
import { distanceKm } from "@ctg/territory-data/communes";
import { describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { AGGLOMERATION_CENTRE } from "../src/mutations.ts";
import { territories } from "../src/server.ts";

const subgraph = useSubgraph(territories, "territories_mutations");
const run = subgraph.run;
const prisma = () => subgraph.db.prisma;

const ADMIN = identityOf("ADMIN");
const STAFF = identityOf("STAFF");
const editorOf = (partnerId: string) => identityOf("PARTNER_EDITOR", partnerId);
const CABBALR = "200072460";

const UPDATE_COMMUNE = `mutation($code: ID!, $v: Int!, $input: UpdateCommuneInput!) {
  updateCommune(code: $code, expectedVersion: $v, input: $input) { code name postalCodes population location { lat lon } departementCode version } }`;
const UPDATE_EPCI = `mutation($siren: ID!, $v: Int!, $input: UpdateEpciInput!) {
  updateEpci(siren: $siren, expectedVersion: $v, input: $input) { siren name population version } }`;
const TRAIL = `query($id: ID, $since: DateTime, $first: Int) {
  territoryAuditTrail(entityId: $id, since: $since, first: $first) {
    id at entityType entityId action outcome actor { role partnerId subject } versionBefore versionAfter before after message } }`;

const commune = (code: string) => prisma().commune.findUniqueOrThrow({ where: { code } });
const epci = (siren: string) => prisma().epci.findUniqueOrThrow({ where: { siren } });
const forbiddenCount = (entityId: string) => prisma().auditEntry.count({ where: { entityId, outcome: "FORBIDDEN" } });

async function updateCommune(code: string, input: Record<string, unknown>, identity: Identity, version?: number) {
  return run(UPDATE_COMMUNE, { code, v: version ?? (await commune(code)).version, input }, identity);
}
async function updateEpci(siren: string, input: Record<string, unknown>, identity: Identity, version?: number) {
  return run(UPDATE_EPCI, { siren, v: version ?? (await epci(siren)).version, input }, identity);
}

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code ?? "OK";

describe("who may correct the territory", () => {
  const callers: [string, Identity, string][] = [
    ["RESIDENT", RESIDENT, "UNAUTHENTICATED"],
    ["STAFF", STAFF, "FORBIDDEN"],
    // The commune's and the agglomeration's own editors (partners subgraph) correct their partner
    // records, not the territory's reference records.
    ["editor of the commune", editorOf("commune-62377"), "FORBIDDEN"],
    ["editor of the agglomeration", editorOf("cabbalr"), "FORBIDDEN"],
    ["ADMIN", ADMIN, "OK"],
  ];
  /** Each operation runs as the caller and says what changed: the record's version and whether it holds the change. */
  const operations: Record<string, { entityId: string; changes: boolean; act(identity: Identity, tag: string): Promise<{ code: unknown; applied: boolean }> }> = {
    updateCommune: {
      entityId: "62377",
      changes: true,
      async act(identity) {
        const population = (await commune("62377")).population! + 1;
        const result = await updateCommune("62377", { population }, identity);
        return { code: codeOf(result), applied: (await commune("62377")).population === population };
      },
    },
    updateEpci: {
      entityId: CABBALR,
      changes: true,
      async act(identity, tag) {
        const name = `CA de Béthune-Bruay, Artois-Lys Romane (${tag})`;
        const result = await updateEpci(CABBALR, { name }, identity);
        return { code: codeOf(result), applied: (await epci(CABBALR)).name === name };
      },
    },
    territoryAuditTrail: {
      entityId: "62377",
      changes: false,
      async act(identity) {
        const result = await run(TRAIL, { id: "62377" }, identity);
        return { code: codeOf(result), applied: Array.isArray(result.data?.territoryAuditTrail) };
      },
    },
  };
  const matrix = Object.keys(operations).flatMap((operation) => callers.map(([caller, identity, expected]) => ({ operation, caller, identity, expected })));

  it.each(matrix)("$operation as $caller → $expected", async ({ operation, caller, identity, expected }) => {
    const { entityId, changes, act } = operations[operation]!;
    const version = async () => (operation === "updateEpci" ? (await epci(entityId)).version : (await commune(entityId)).version);
    const before = await version();
    const forbiddenBefore = await forbiddenCount(entityId);
    const { code, applied } = await act(identity, caller);
    expect(code).toBe(expected);
    expect(applied).toBe(expected === "OK");
    expect(await version()).toBe(before + (changes && expected === "OK" ? 1 : 0));
    expect(await forbiddenCount(entityId)).toBe(forbiddenBefore + (changes && expected === "FORBIDDEN" ? 1 : 0));
  });

  it("says who may make the change", async () => {
    const result = await updateCommune("62119", { name: "Béthune" }, editorOf("commune-62119"));
    expect(result.errors?.[0]?.message).toMatch(/Only an ADMIN may correct a commune; the token is an editor of partner commune-62119/);
    const resident = await updateEpci(CABBALR, { name: "x" }, RESIDENT);
    expect(resident.errors?.[0]?.message).toMatch(/send a bearer token/);
  });
});

describe("what a correction may hold", () => {
  const CODE = "62119"; // Béthune
  const far = (km: number) => ({ lat: AGGLOMERATION_CENTRE.lat + km / 111.2, lon: AGGLOMERATION_CENTRE.lon });
  const communeCases: [string, Record<string, unknown>, string, RegExp][] = [
    ["an empty name", { name: " " }, "input.name", /input\.name cannot be empty/],
    ["no name", { name: null }, "input.name", /input\.name cannot be cleared/],
    ["a name over 100 characters", { name: "B".repeat(101) }, "input.name", /input\.name must be at most 100 characters \(got 101\)/],
    ["no postal code", { postalCodes: [] }, "input.postalCodes", /input\.postalCodes cannot be cleared: a commune has 1 to 10 postal codes/],
    ["postal codes cleared", { postalCodes: null }, "input.postalCodes", /cannot be cleared/],
    ["11 postal codes", { postalCodes: Array.from({ length: 11 }, (_, i) => `624${String(i).padStart(2, "0")}`) }, "input.postalCodes", /must hold 1 to 10 postal codes \(got 11\)/],
    ["a postal code of 4 digits", { postalCodes: ["62400", "6240"] }, "input.postalCodes[1]", /input\.postalCodes\[1\] must be a postal code of 5 digits starting with the département code 62/],
    ["a postal code of another département", { postalCodes: ["59000"] }, "input.postalCodes[0]", /département code 62, .*got "59000"/],
    ["a negative population", { population: -1 }, "input.population", /input\.population must be a whole number from 0 to 10000000 \(got -1\)/],
    ["a population over 10 million", { population: 10_000_001 }, "input.population", /from 0 to 10000000/],
    ["a latitude over 90", { location: { lat: 91, lon: 2.6 } }, "input.location.lat", /input\.location\.lat must be a latitude from -90 to 90/],
    ["a longitude over 180", { location: { lat: 50.5, lon: 181 } }, "input.location.lon", /input\.location\.lon must be a longitude/],
    ["a centre in Paris", { location: { lat: 48.8566, lon: 2.3522 } }, "input.location", /input\.location .* is 18\d\.\d km from the agglomeration's centre/],
    ["swapped latitude and longitude", { location: { lat: 2.64298, lon: 50.52896 } }, "input.location", /Check that lat and lon are not swapped/],
    ["a centre 31 km away", { location: far(31) }, "input.location", /is 31\.0 km from the agglomeration's centre .* within 30 km/],
    ["nothing", {}, "input", /input changes nothing/],
  ];

  it.each(communeCases)("refuses a commune with %s", async (_, input, argument, message) => {
    const before = await commune(CODE);
    const result = await updateCommune(CODE, input, ADMIN);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument } });
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await commune(CODE)).toEqual(before);
  });

  it.each([
    ["an empty name", { name: "" }, "input.name", /input\.name cannot be empty/],
    ["no name", { name: null }, "input.name", /input\.name cannot be cleared/],
    ["a name over 200 characters", { name: "C".repeat(201) }, "input.name", /at most 200 characters/],
    ["nothing", {}, "input", /input changes nothing/],
  ])("refuses an EPCI with %s", async (_, input, argument, message) => {
    const before = await epci(CABBALR);
    const result = await updateEpci(CABBALR, input, ADMIN);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument } });
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await epci(CABBALR)).toEqual(before);
  });

  it.each([0, -3])("refuses expectedVersion %i", async (v) => {
    for (const result of [await updateCommune(CODE, { population: 1 }, ADMIN, v), await updateEpci(CABBALR, { name: "x" }, ADMIN, v)]) {
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "expectedVersion" } });
      expect(result.errors?.[0]?.message).toMatch(/expectedVersion must be the record.s version as last read, a whole number from 1/);
    }
  });

  it("answers NOT_FOUND for a commune or an EPCI the territory does not have", async () => {
    expect((await updateCommune("75056", { name: "Paris" }, ADMIN, 1)).errors?.[0]).toMatchObject({ extensions: { code: "NOT_FOUND", argument: "code" } });
    expect((await updateEpci("200054781", { name: "Métropole du Grand Paris" }, ADMIN, 1)).errors?.[0]).toMatchObject({ extensions: { code: "NOT_FOUND", argument: "siren" } });
  });

  it("puts every commune's centre within the 30 km of the agglomeration's centre", async () => {
    const rows = await prisma().commune.findMany();
    expect(rows).toHaveLength(100);
    for (const row of rows) expect(distanceKm(AGGLOMERATION_CENTRE, { lat: row.lat!, lon: row.lon! })).toBeLessThan(25);
  });

  it("stores the canonical form and clears with null", async () => {
    const code = "62617"; // Nœux-les-Mines
    const result = await updateCommune(code, { name: " Nœux-les-Mines ", postalCodes: [" 62290", "62290", "62200"], population: 11_500, location: { lat: 50.48, lon: 2.66 } }, ADMIN);
    expect(result.errors).toBeUndefined();
    expect(result.data?.updateCommune).toMatchObject({ name: "Nœux-les-Mines", postalCodes: ["62200", "62290"], population: 11_500, location: { lat: 50.48, lon: 2.66 }, departementCode: "62" });
    const cleared = await updateCommune(code, { population: null, location: null }, ADMIN);
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data?.updateCommune).toMatchObject({ population: null, location: null, postalCodes: ["62200", "62290"] });
    expect(await commune(code)).toMatchObject({ population: null, lat: null, lon: null });
  });
});

describe("concurrent corrections and the audit trail", () => {
  it("lets exactly one of two corrections from the same version through and audits both", async () => {
    const code = "62178"; // Bruay-la-Buissière
    const { version, population } = await commune(code);
    const [a, b] = await Promise.all([
      updateCommune(code, { population: 21_000 }, identityOf("ADMIN", null, "test:admin-a"), version),
      updateCommune(code, { population: 22_000 }, identityOf("ADMIN", null, "test:admin-b"), version),
    ]);
    const winners = [a, b].filter((r) => !r.errors);
    const losers = [a, b].filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0]!.data!.updateCommune as { population: number; version: number };
    const attempted = winner.population === 21_000 ? 22_000 : 21_000;
    expect(winner.version).toBe(version + 1);
    expect(losers[0]!.errors![0]).toMatchObject({ extensions: { code: "CONFLICT", expectedVersion: version, currentVersion: version + 1 } });
    expect(await commune(code)).toMatchObject({ population: winner.population, version: version + 1 });

    const trail = (await run(TRAIL, { id: code }, ADMIN)).data?.territoryAuditTrail as Record<string, any>[];
    expect(trail.map((e) => e.outcome).sort()).toEqual(["APPLIED", "CONFLICT"]);
    const applied = trail.find((e) => e.outcome === "APPLIED")!;
    const conflicted = trail.find((e) => e.outcome === "CONFLICT")!;
    expect(applied).toMatchObject({ entityType: "Commune", entityId: code, action: "UPDATE", versionBefore: version, versionAfter: version + 1 });
    expect(applied.before).toMatchObject({ population, version });
    expect(applied.after).toMatchObject({ population: winner.population, version: version + 1 });
    expect(conflicted).toMatchObject({ versionBefore: version + 1, after: { population: attempted } });
    expect(conflicted.actor.subject).not.toBe(applied.actor.subject);
  });

  it("makes the same rule for EPCIs", async () => {
    const { version } = await epci(CABBALR);
    const [a, b] = await Promise.all([
      updateEpci(CABBALR, { name: "Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane" }, ADMIN, version),
      updateEpci(CABBALR, { name: "CA Béthune-Bruay" }, ADMIN, version),
    ]);
    expect([a, b].map(codeOf).sort()).toEqual(["CONFLICT", "OK"]);
    const conflict = [a, b].find((r) => r.errors)!.errors![0]!;
    expect(conflict.extensions).toMatchObject({ currentVersion: version + 1 });
    const trail = (await run(TRAIL, { id: CABBALR, first: 2 }, ADMIN)).data?.territoryAuditTrail as Record<string, any>[];
    expect(trail.map((e) => e.entityType)).toEqual(["Epci", "Epci"]);
    expect(trail.map((e) => e.outcome).sort()).toEqual(["APPLIED", "CONFLICT"]);
  });

  it("keeps a refused editor's attempt in the trail ADMIN reads", async () => {
    const code = "62516"; // Lillers
    const result = await updateCommune(code, { name: "Lillers-la-Belle" }, editorOf("commune-62516"));
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect((await commune(code)).name).toBe("Lillers");
    const trail = (await run(TRAIL, { id: code }, ADMIN)).data?.territoryAuditTrail as Record<string, any>[];
    expect(trail).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^territories:\d+$/),
        entityType: "Commune",
        entityId: code,
        action: "UPDATE",
        outcome: "FORBIDDEN",
        actor: { role: "PARTNER_EDITOR", partnerId: "commune-62516", subject: "test:partner_editor:commune-62516" },
        before: null,
        after: { name: "Lillers-la-Belle" },
        message: expect.stringMatching(/Only an ADMIN may correct a commune/),
      }),
    ]);
  });

  it("lists communes' and EPCIs' entries newest first, since a time, a page at a time", async () => {
    const all = (await run(TRAIL, { first: 500 }, ADMIN)).data?.territoryAuditTrail as { id: string; entityType: string; at: string }[];
    expect(new Set(all.map((e) => e.entityType))).toEqual(new Set(["Commune", "Epci"]));
    const numbers = all.map((e) => Number(e.id.split(":")[1]));
    expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
    expect((await run(TRAIL, { first: 3 }, ADMIN)).data?.territoryAuditTrail).toHaveLength(3);
    expect((await run(TRAIL, { since: new Date(Date.now() + 60_000).toISOString() }, ADMIN)).data?.territoryAuditTrail).toEqual([]);
    expect((await run(TRAIL, { since: all.at(-1)!.at }, ADMIN)).data?.territoryAuditTrail).toHaveLength(Math.min(all.length, 50));
  });
});
