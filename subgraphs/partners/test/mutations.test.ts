import { identityOf, RESIDENT, type Identity } from "@ctg/kit";
import { describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { luhnValid } from "../src/mutations.ts";
import { partners } from "../src/server.ts";

const subgraph = useSubgraph(partners, "partners_mutations");
const run = subgraph.run;
const prisma = () => subgraph.db.prisma;

const ADMIN = identityOf("ADMIN");
const STAFF = identityOf("STAFF");
const editorOf = (partnerId: string) => identityOf("PARTNER_EDITOR", partnerId);

const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdatePartnerInput!) {
  updatePartner(id: $id, expectedVersion: $v, input: $input) { id name kind aliases siren website phone email address commune { code } version } }`;
const TRAIL = `query($id: ID, $since: DateTime, $first: Int) {
  partnerAuditTrail(partnerId: $id, since: $since, first: $first) {
    id at entityType entityId action outcome actor { role partnerId subject } requestId versionBefore versionAfter before after message } }`;

const stored = (id: string) => prisma().partner.findUniqueOrThrow({ where: { id } });
const auditCount = (entityId: string, outcome?: string) => prisma().auditEntry.count({ where: { entityType: "Partner", entityId, ...(outcome ? { outcome } : {}) } });

/** Updates `id` from its stored version unless `version` is given. */
async function update(id: string, input: Record<string, unknown>, identity: Identity, version?: number) {
  const v = version ?? (await stored(id)).version;
  return run(UPDATE, { id, v, input }, identity);
}

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code ?? "OK";

type Expected = "OK" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND";

describe("who may change a partner", () => {
  const OWNER = "sivom-bruaysis";
  const callers: [string, Identity][] = [
    ["RESIDENT", RESIDENT],
    ["STAFF", STAFF],
    ["editor of the partner", editorOf(OWNER)],
    ["editor of another partner", editorOf("sivom-artois")],
    ["ADMIN", ADMIN],
  ];
  /** Each operation runs as the caller and says whether the database now holds its change. */
  const operations: Record<string, { expected: Expected[]; act(identity: Identity, tag: string): Promise<{ code: unknown; applied: boolean }> }> = {
    "update contact fields": {
      expected: ["UNAUTHENTICATED", "FORBIDDEN", "OK", "FORBIDDEN", "OK"],
      async act(identity, tag) {
        const address = `${tag}, rue de la Mairie, 62700 Bruay-la-Buissière`;
        const result = await update(OWNER, { address, email: "accueil@sivom-bruaysis.fr" }, identity);
        return { code: codeOf(result), applied: (await stored(OWNER)).address === address };
      },
    },
    "change the kind (ADMIN only)": {
      expected: ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "OK"],
      async act(identity) {
        const kind = (await stored(OWNER)).kind === "SIVOM" ? "AUTRE" : "SIVOM";
        const result = await update(OWNER, { kind }, identity);
        return { code: codeOf(result), applied: (await stored(OWNER)).kind === kind };
      },
    },
    "change the SIREN (ADMIN only)": {
      expected: ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "OK"],
      async act(identity) {
        const siren = (await stored(OWNER)).siren === "200072460" ? "130005481" : "200072460";
        const result = await update(OWNER, { siren }, identity);
        return { code: codeOf(result), applied: (await stored(OWNER)).siren === siren };
      },
    },
    "read the audit trail": {
      expected: ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "OK"],
      async act(identity) {
        const result = await run(TRAIL, { id: OWNER }, identity);
        return { code: codeOf(result), applied: Array.isArray(result.data?.partnerAuditTrail) };
      },
    },
  };
  const matrix = Object.entries(operations).flatMap(([operation, { expected }]) =>
    callers.map(([caller, identity], i) => ({ operation, caller, identity, expected: expected[i]! })),
  );

  it.each(matrix)("$operation as $caller → $expected", async ({ operation, caller, identity, expected }) => {
    const before = await stored(OWNER);
    const forbiddenBefore = await auditCount(OWNER, "FORBIDDEN");
    const { code, applied } = await operations[operation]!.act(identity, `${operation} ${caller}`);
    expect(code).toBe(expected);
    expect(applied).toBe(expected === "OK");
    const after = await stored(OWNER);
    const changes = expected === "OK" && operation !== "read the audit trail";
    expect(after.version).toBe(before.version + (changes ? 1 : 0));
    // A refused signed-in caller leaves a FORBIDDEN entry; a resident, and any refused reading of the trail, none.
    const audited = expected === "FORBIDDEN" && operation !== "read the audit trail";
    expect(await auditCount(OWNER, "FORBIDDEN")).toBe(forbiddenBefore + (audited ? 1 : 0));
  });

  it("tells the editor which field is ADMIN only, and keeps the attempt", async () => {
    const result = await update("sivom-bethunois", { kind: "AUTRE", phone: "03 21 00 00 00" }, editorOf("sivom-bethunois"));
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN", argument: "input.kind" } });
    expect(result.errors?.[0]?.message).toMatch(/Only an ADMIN may change input\.kind/);
    expect((await stored("sivom-bethunois")).kind).toBe("SIVOM");
    const trail = (await run(TRAIL, { id: "sivom-bethunois" }, ADMIN)).data?.partnerAuditTrail as Record<string, any>[];
    expect(trail[0]).toMatchObject({
      outcome: "FORBIDDEN",
      actor: { role: "PARTNER_EDITOR", partnerId: "sivom-bethunois" },
      after: { kind: "AUTRE", phone: "03 21 00 00 00" },
    });
  });

  it("keeps archived partners from their editors, not from ADMIN", async () => {
    const id = "ccas-62178";
    await prisma().partner.update({ where: { id }, data: { archivedAt: new Date("2026-06-01T00:00:00Z") } });
    const refused = await update(id, { phone: "03 21 61 01 01" }, editorOf(id));
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: "NOT_FOUND", argument: "id" } });
    expect(refused.errors?.[0]?.message).toMatch(/archived/);
    expect((await stored(id)).phone).toBeNull();
    const applied = await update(id, { phone: "03 21 61 01 01" }, ADMIN);
    expect(applied.errors).toBeUndefined();
    expect((await stored(id)).phone).toBe("03 21 61 01 01");
  });
});

describe("what a change may hold", () => {
  const ID = "cabbalr";
  const long = (n: number) => "x".repeat(n);
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["an empty name", { name: "   " }, "input.name", /input\.name cannot be empty/],
    ["no name", { name: null }, "input.name", /input\.name cannot be cleared/],
    ["a name over 200 characters", { name: long(201) }, "input.name", /input\.name must be at most 200 characters \(got 201\)/],
    ["a name over two lines", { name: "CABBALR\nagglo" }, "input.name", /line breaks/],
    ["21 aliases", { aliases: Array.from({ length: 21 }, (_, i) => `alias ${i}`) }, "input.aliases", /at most 20 aliases \(got 21\)/],
    ["an alias over 100 characters", { aliases: ["agglo", long(101)] }, "input.aliases[1]", /input\.aliases\[1\] must be at most 100 characters/],
    ["an empty alias", { aliases: ["agglo", " "] }, "input.aliases[1]", /input\.aliases\[1\] cannot be empty/],
    ["a website that is not a web address", { website: "ftp://bethunebruay.fr" }, "input.website", /input\.website must be a web address starting with https:\/\//],
    ["a phone number that is not French", { phone: "+44 20 7946 0958" }, "input.phone", /input\.phone must be a French phone number/],
    ["a phone number too short", { phone: "03 21 57" }, "input.phone", /input\.phone must be a French phone number/],
    ["an e-mail address without a domain", { email: "accueil@bethunebruay" }, "input.email", /input\.email must be an e-mail address/],
    ["an address over 300 characters", { address: long(301) }, "input.address", /input\.address must be at most 300 characters/],
    ["a commune outside the agglomeration", { communeCode: "59350" }, "input.communeCode", /input\.communeCode must be a commune of the agglomeration: 59350 is Lille, outside/],
    ["a commune code that is no INSEE code", { communeCode: "Béthune" }, "input.communeCode", /is not an INSEE commune code/],
    ["no kind", { kind: null }, "input.kind", /input\.kind cannot be cleared/],
    ["a SIREN of 8 digits", { siren: "20007246" }, "input.siren", /input\.siren must be a SIREN of 9 digits/],
    ["a SIREN with a wrong check digit", { siren: "200072461" }, "input.siren", /input\.siren 200072461 is not a valid SIREN: its check digit \(Luhn\)/],
    ["nothing", {}, "input", /input changes nothing/],
  ];

  it.each(cases)("refuses %s", async (_, input, argument, message) => {
    const before = await stored(ID);
    const result = await update(ID, input, ADMIN);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument } });
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await stored(ID)).toEqual(before);
  });

  it.each([0, -1])("refuses expectedVersion %i", async (v) => {
    const result = await update(ID, { name: "CABBALR" }, ADMIN, v);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "expectedVersion" } });
    expect(result.errors?.[0]?.message).toMatch(/expectedVersion must be the record.s version as last read, a whole number from 1/);
  });

  it("answers NOT_FOUND for an unknown partner", async () => {
    const result = await update("no-such-partner", { name: "X" }, ADMIN, 1);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: "NOT_FOUND", argument: "id" } });
  });

  it("accepts the SIRENs of the reference and sample partners", async () => {
    const rows = await prisma().partner.findMany({ where: { siren: { not: null } }, select: { siren: true } });
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => !/^\d{9}$/.test(r.siren!) || !luhnValid(r.siren!))).toEqual([]);
  });

  it("stores the canonical form and clears with null", async () => {
    const result = await update(
      ID,
      {
        name: "  Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane ",
        aliases: [" CABBALR ", "agglo", "Agglo", "CABBALR", "l'agglo"],
        website: "https://www.bethunebruay.fr",
        phone: "+33 3 21 61 50 00",
        email: " contact@bethunebruay.fr ",
        address: "100 avenue de Londres, 62411 Béthune",
        communeCode: " 62119 ",
        siren: "200 072 460",
      },
      ADMIN,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.updatePartner).toMatchObject({
      name: "Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane",
      aliases: ["CABBALR", "agglo", "l'agglo"],
      website: "https://www.bethunebruay.fr/",
      phone: "03 21 61 50 00",
      email: "contact@bethunebruay.fr",
      commune: { code: "62119" },
      siren: "200072460",
    });
    const cleared = await update(ID, { website: null, phone: null, email: null, address: null, communeCode: null, siren: null, aliases: null }, ADMIN);
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data?.updatePartner).toMatchObject({ aliases: [], website: null, phone: null, email: null, address: null, commune: null, siren: null });
    expect(await stored(ID)).toMatchObject({ aliases: [], website: null, phone: null, email: null, address: null, communeCode: null, siren: null });
  });
});

describe("concurrent changes and the audit trail", () => {
  it("lets exactly one of two changes from the same version through and audits both", async () => {
    const id = "caf-pas-de-calais";
    const { version } = await stored(id);
    const [a, b] = await Promise.all([
      update(id, { name: "CAF du Pas-de-Calais (Arras)" }, editorOf(id), version),
      update(id, { name: "CAF du Pas-de-Calais (Calais)" }, ADMIN, version),
    ]);
    const results = [a, b];
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0]!.data!.updatePartner as { name: string; version: number };
    const loserName = winner.name.endsWith("(Arras)") ? "CAF du Pas-de-Calais (Calais)" : "CAF du Pas-de-Calais (Arras)";
    expect(winner.version).toBe(version + 1);
    expect(losers[0]!.errors![0]).toMatchObject({ extensions: { code: "CONFLICT", expectedVersion: version, currentVersion: version + 1 } });
    expect(losers[0]!.errors![0]!.message).toMatch(new RegExp(`is at version ${version + 1}, not ${version}`));
    expect(await stored(id)).toMatchObject({ name: winner.name, version: version + 1 });

    const trail = (await run(TRAIL, { id }, ADMIN)).data?.partnerAuditTrail as Record<string, any>[];
    const applied = trail.find((e) => e.outcome === "APPLIED")!;
    const conflicted = trail.find((e) => e.outcome === "CONFLICT")!;
    expect(applied).toMatchObject({ entityType: "Partner", entityId: id, action: "UPDATE", versionBefore: version, versionAfter: version + 1 });
    expect(applied.before).toMatchObject({ name: "CAF du Pas-de-Calais", version });
    expect(applied.after).toMatchObject({ name: winner.name, version: version + 1 });
    expect(conflicted).toMatchObject({ action: "UPDATE", versionBefore: version + 1, after: { name: loserName } });
    expect(conflicted.before).toMatchObject({ name: winner.name });
    expect(conflicted.message).toMatch(/someone changed it since it was read/);
  });

  it("keeps a refused editor's attempt in the trail ADMIN reads", async () => {
    const id = "msa-nord-pas-de-calais";
    const result = await update(id, { phone: "03 20 90 90 90" }, editorOf("caf-pas-de-calais"));
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.message).toMatch(/Only editors of partner msa-nord-pas-de-calais or an ADMIN/);
    expect((await stored(id)).phone).toBeNull();
    const trail = (await run(TRAIL, { id }, ADMIN)).data?.partnerAuditTrail as Record<string, any>[];
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      id: expect.stringMatching(/^partners:\d+$/),
      entityType: "Partner",
      entityId: id,
      action: "UPDATE",
      outcome: "FORBIDDEN",
      actor: { role: "PARTNER_EDITOR", partnerId: "caf-pas-de-calais", subject: "test:partner_editor:caf-pas-de-calais" },
      versionBefore: null,
      versionAfter: null,
      before: null,
      after: { phone: "03 20 90 90 90" },
    });
  });

  it("lists the trail newest first, since a time, a page at a time", async () => {
    const id = "departement-pas-de-calais";
    for (const phone of ["03 21 21 62 62", "03 21 21 62 63", "03 21 21 62 64"]) {
      expect((await update(id, { phone }, ADMIN)).errors).toBeUndefined();
    }
    const trail = (await run(TRAIL, { id }, ADMIN)).data?.partnerAuditTrail as Record<string, any>[];
    expect(trail.map((e) => e.after.phone)).toEqual(["03 21 21 62 64", "03 21 21 62 63", "03 21 21 62 62"]);
    expect(trail.map((e) => e.versionAfter)).toEqual([4, 3, 2]);
    const page = (await run(TRAIL, { id, first: 1 }, ADMIN)).data?.partnerAuditTrail as unknown[];
    expect(page).toHaveLength(1);
    const later = await run(TRAIL, { id, since: new Date(Date.now() + 60_000).toISOString() }, ADMIN);
    expect(later.data?.partnerAuditTrail).toEqual([]);
    const all = (await run(TRAIL, {}, ADMIN)).data?.partnerAuditTrail as { entityId: string }[];
    expect(new Set(all.map((e) => e.entityId))).toContain(id);
    expect((await run(TRAIL, { first: 501 }, ADMIN)).errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "first" } });
  });
});
