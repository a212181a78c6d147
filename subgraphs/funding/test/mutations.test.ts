import { identityOf, type Identity } from "@ctg/kit";
import { communePartnerId, ETAT_ID, INSTITUTION_IDS, sampleTerritory, SIVOM_IDS } from "@ctg/territory-data";
import { describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { checkMechanism, funderKindOf, MECHANISM_FUNDERS } from "../src/mutations.ts";
import { funding } from "../src/server.ts";

const SAMPLE = { seed: 2026, scale: 1 };
const { fundings: records, partners } = sampleTerritory(SAMPLE);

const subgraph = useSubgraph(funding, "funding-mutations", SAMPLE);
const run = subgraph.run;

const CAF = INSTITUTION_IDS.caf;
const DEPARTEMENT = INSTITUTION_IDS.departement;
const GOSNAY = communePartnerId("62377");
const ASSOCIATION = partners.find((p) => p.kind === "ASSOCIATION")!.id;

const RESIDENT = identityOf("RESIDENT");
const STAFF = identityOf("STAFF");
const CAF_EDITOR = identityOf("PARTNER_EDITOR", CAF);
const DEPARTEMENT_EDITOR = identityOf("PARTNER_EDITOR", DEPARTEMENT);
const ASSOCIATION_EDITOR = identityOf("PARTNER_EDITOR", ASSOCIATION);
const GOSNAY_EDITOR = identityOf("PARTNER_EDITOR", GOSNAY);
const SIVOM_EDITOR = identityOf("PARTNER_EDITOR", SIVOM_IDS.bruaysis);
const ADMIN = identityOf("ADMIN");

/** A real EAJE of the sample, funded by the CAF (PSU). */
const PSU_LINE = records.find((r) => r.mechanism === "PSU" && r.year === 2026)!;

const FIELDS = "id funder { id } recipient { id } service { id } convention { id } commune { code } mechanism year amount label source version";
const RECORD = `mutation($input: RecordFundingInput!) { recordFunding(input: $input) { ${FIELDS} } }`;
const CORRECT = `mutation($id: ID!, $version: Int!, $input: CorrectFundingInput!) {
  correctFunding(id: $id, expectedVersion: $version, input: $input) { ${FIELDS} } }`;
const TRAIL = `query($fundingId: ID, $since: DateTime, $first: Int) {
  fundingAuditTrail(fundingId: $fundingId, since: $since, first: $first) {
    id at entityType entityId action outcome actor { role partnerId subject } requestId versionBefore versionAfter before after message } }`;

type Result = Awaited<ReturnType<typeof run>>;
type FundingOut = { id: string; amount: string; version: number; label: string | null; [field: string]: unknown };
type AuditOut = {
  id: string;
  /** A Date in process (graphql-scalars serialises DateTime as a Date; JSON makes it ISO 8601). */
  at: string | Date;
  entityId: string;
  action: string;
  outcome: string;
  actor: { role: string; partnerId: string | null; subject: string | null };
  versionBefore: number | null;
  versionAfter: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  message: string | null;
};

let tags = 0;
/** A label no other test uses, to find a test's lines and audit entries. */
const tag = (what: string) => `test ${what} #${++tags}`;

function cafLine(overrides: Record<string, unknown> = {}) {
  return { funderId: CAF, recipientId: PSU_LINE.recipientId, serviceId: PSU_LINE.serviceId, communeCode: PSU_LINE.communeCode, mechanism: "PSU", year: 2026, amount: "1000.00", label: tag("caf line"), ...overrides };
}

function errorOf(result: Result) {
  expect(result.data?.recordFunding ?? result.data?.correctFunding ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  return result.errors![0];
}

function expectError(result: Result, code: string, argument?: string, message?: RegExp) {
  const error = errorOf(result);
  expect(error.extensions?.code, error.message).toBe(code);
  if (argument) expect(error.extensions?.argument).toBe(argument);
  if (message) expect(error.message).toMatch(message);
  return error;
}

async function record(input: Record<string, unknown>, identity: Identity = ADMIN): Promise<Result> {
  return run(RECORD, { input }, identity);
}

async function recorded(input: Record<string, unknown>, identity: Identity = ADMIN): Promise<FundingOut> {
  const result = await record(input, identity);
  expect(result.errors).toBeUndefined();
  return result.data!.recordFunding as FundingOut;
}

async function correct(id: string, version: number, input: Record<string, unknown>, identity: Identity = ADMIN): Promise<Result> {
  return run(CORRECT, { id, version, input }, identity);
}

async function trail(variables: Record<string, unknown> = {}): Promise<AuditOut[]> {
  const result = await run(TRAIL, variables, ADMIN);
  expect(result.errors).toBeUndefined();
  return result.data!.fundingAuditTrail as AuditOut[];
}

const stored = (id: string) => subgraph.db.prisma.funding.findUnique({ where: { id } });
const countLabelled = (label: string) => subgraph.db.prisma.funding.count({ where: { label } });

describe("funding mutations", () => {
  describe("who may record and correct a CAF funding", () => {
    const matrix: { who: string; identity: Identity; outcome: "allowed" | "UNAUTHENTICATED" | "FORBIDDEN"; message?: RegExp }[] = [
      { who: "a resident", identity: RESIDENT, outcome: "UNAUTHENTICATED", message: /bearer token/ },
      { who: "staff", identity: STAFF, outcome: "FORBIDDEN", message: /partner staff \(read only\)/ },
      { who: "an editor of the CAF", identity: CAF_EDITOR, outcome: "allowed" },
      { who: "an editor of another funder (the Département)", identity: DEPARTEMENT_EDITOR, outcome: "FORBIDDEN", message: new RegExp(DEPARTEMENT) },
      { who: "an editor of an association", identity: ASSOCIATION_EDITOR, outcome: "FORBIDDEN", message: /grants no CTG funding/ },
      { who: "an administrator", identity: ADMIN, outcome: "allowed" },
    ];

    it.each(matrix)("recordFunding by $who: $outcome", async ({ identity, outcome, message }) => {
      const input = cafLine();
      const result = await record(input, identity);
      if (outcome === "allowed") {
        expect(result.errors).toBeUndefined();
        const line = result.data!.recordFunding as FundingOut;
        expect(line).toMatchObject({ funder: { id: CAF }, mechanism: "PSU", amount: "1000.00", version: 1, source: `ctg-hub:${CAF}` });
        expect(await stored(line.id)).toMatchObject({ funderId: CAF, version: 1, label: input.label });
      } else {
        expectError(result, outcome, undefined, message);
      }
      expect(await countLabelled(input.label as string)).toBe(outcome === "allowed" ? 1 : 0);
    });

    it.each(matrix)("correctFunding of a CAF funding by $who: $outcome", async ({ identity, outcome, message }) => {
      const line = await recorded(cafLine());
      const result = await correct(line.id, 1, { amount: "1500.50" }, identity);
      const row = await stored(line.id);
      if (outcome === "allowed") {
        expect(result.errors).toBeUndefined();
        expect(result.data!.correctFunding).toMatchObject({ id: line.id, amount: "1500.50", version: 2 });
        expect(row).toMatchObject({ version: 2 });
        expect(row!.amount.toFixed(2)).toBe("1500.50");
      } else {
        expectError(result, outcome, undefined, message);
        expect(row).toMatchObject({ version: 1 });
        expect(row!.amount.toFixed(2)).toBe("1000.00");
      }
    });

    it("lets an editor leave funderId out (its own partner) and refuses it naming another funder", async () => {
      const own = await recorded({ serviceId: PSU_LINE.serviceId, mechanism: "SUBVENTION_DEPARTEMENT", year: 2026, amount: "250.00", label: tag("own") }, DEPARTEMENT_EDITOR);
      expect(own).toMatchObject({ funder: { id: DEPARTEMENT }, source: `ctg-hub:${DEPARTEMENT}`, version: 1 });
      expect(own.id).toMatch(/^funding-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

      const label = tag("other funder");
      expectError(await record(cafLine({ label }), GOSNAY_EDITOR), "FORBIDDEN", undefined, /records the fundings its partner grants only.*input\.funderId/);
      expect(await countLabelled(label)).toBe(0);
    });

    it("lets a commune record its own funds, and refuses editors of partners that grant no funding (SIVOM, association)", async () => {
      const line = await recorded({ recipientId: null, serviceId: "svc-gosnay", communeCode: "62377", mechanism: "FONDS_PROPRES_COLLECTIVITE", year: 2026, amount: "5000", label: tag("commune") }, GOSNAY_EDITOR);
      expect(line).toMatchObject({ funder: { id: GOSNAY }, recipient: null, commune: { code: "62377" }, amount: "5000.00" });

      for (const editor of [SIVOM_EDITOR, ASSOCIATION_EDITOR]) {
        const label = tag("not a funder");
        const input = { serviceId: "svc-x", mechanism: "FONDS_PROPRES_COLLECTIVITE", year: 2026, amount: "10.00", label };
        expectError(await record(input, editor), "FORBIDDEN", undefined, new RegExp(`Partner ${editor.partnerId} grants no CTG funding.*CAF, the Département, the MSA`));
        expect(await countLabelled(label)).toBe(0);
      }
    });

    it("lets the editor of a non-funding partner correct none of its own lines, while an ADMIN may (a SIVOM's own funds)", async () => {
      const sivomLine = records.find((r) => r.funderId === SIVOM_IDS.bruaysis && r.year === 2026)!;
      expectError(await correct(sivomLine.id, 1, { amount: "1.00" }, SIVOM_EDITOR), "FORBIDDEN", undefined, /grants no CTG funding/);
      const result = await correct(sivomLine.id, 1, { amount: "12345.67" }, ADMIN);
      expect(result.errors).toBeUndefined();
      expect(result.data!.correctFunding).toMatchObject({ id: sivomLine.id, amount: "12345.67", version: 2, source: sivomLine.source });
    });

    it("lets only an ADMIN change the funder, read from the database rather than the input", async () => {
      const line = await recorded(cafLine());
      // The Département's editor cannot take the line over by naming itself as the funder.
      expectError(await correct(line.id, 1, { funderId: DEPARTEMENT, mechanism: "SUBVENTION_DEPARTEMENT" }, DEPARTEMENT_EDITOR), "FORBIDDEN", undefined, new RegExp(`partner ${CAF}`));
      // The CAF's editor cannot hand it over.
      expectError(await correct(line.id, 1, { funderId: DEPARTEMENT, mechanism: "SUBVENTION_DEPARTEMENT" }, CAF_EDITOR), "FORBIDDEN", undefined, /Only an ADMIN may give funding .* another funder/);
      // Naming its own partner changes nothing and is accepted.
      expect((await correct(line.id, 1, { funderId: CAF, amount: "999.99" }, CAF_EDITOR)).errors).toBeUndefined();
      const moved = await correct(line.id, 2, { funderId: DEPARTEMENT, mechanism: "SUBVENTION_DEPARTEMENT" }, ADMIN);
      expect(moved.errors).toBeUndefined();
      expect(moved.data!.correctFunding).toMatchObject({ funder: { id: DEPARTEMENT }, mechanism: "SUBVENTION_DEPARTEMENT", version: 3 });
      // Now the CAF's editor has lost it and the Département's has it.
      expectError(await correct(line.id, 3, { amount: "1.00" }, CAF_EDITOR), "FORBIDDEN");
      expect((await correct(line.id, 3, { amount: "2.00" }, DEPARTEMENT_EDITOR)).errors).toBeUndefined();
    });
  });

  describe("mechanism and funder", () => {
    it("holds for every line of the sample data (the table is relaxed to it: own funds of the Département, SIVOMs and CCAS)", () => {
      const failures = records.filter((r) => {
        try {
          checkMechanism(r.funderId, r.mechanism);
          return false;
        } catch {
          return true;
        }
      });
      expect(failures.map((r) => `${r.mechanism} by ${r.funderId}`)).toEqual([]);
      expect(funderKindOf(SIVOM_IDS.bruaysis)).toBe("SIVOM");
      expect(funderKindOf("ccas-62119")).toBe("CCAS");
      expect(funderKindOf("ccas-59350")).toBeNull();
      expect(funderKindOf(ASSOCIATION)).toBeNull();
      expect(Object.keys(MECHANISM_FUNDERS)).toHaveLength(16);
    });

    it.each([
      { what: "AIDE_MSA by the CAF", identity: CAF_EDITOR, input: { mechanism: "AIDE_MSA" }, message: /input\.mechanism AIDE_MSA is granted by the MSA only; the funder caf-pas-de-calais is the CAF/ },
      { what: "PSU by the Département", identity: ADMIN, input: { funderId: DEPARTEMENT, mechanism: "PSU" }, message: /PSU is granted by the CAF only; the funder departement-pas-de-calais is the Département/ },
      { what: "BONUS_TERRITOIRE_CTG by a commune", identity: GOSNAY_EDITOR, input: { funderId: undefined, mechanism: "BONUS_TERRITOIRE_CTG" }, message: /granted by the CAF only/ },
      { what: "SUBVENTION_DEPARTEMENT by the MSA", identity: ADMIN, input: { funderId: INSTITUTION_IDS.msa, mechanism: "SUBVENTION_DEPARTEMENT" }, message: /granted by the Département only/ },
      { what: "FONDS_PROPRES_COLLECTIVITE by the CAF", identity: CAF_EDITOR, input: { mechanism: "FONDS_PROPRES_COLLECTIVITE" }, message: /granted by a commune, the agglomeration \(EPCI\), the Département, a SIVOM, a CCAS only/ },
      { what: "FONDS_PROPRES_COLLECTIVITE by an association", identity: ADMIN, input: { funderId: ASSOCIATION, mechanism: "FONDS_PROPRES_COLLECTIVITE" }, message: /not a public funder this subgraph knows/ },
      { what: "PS_ALSH by the État", identity: ADMIN, input: { funderId: ETAT_ID, mechanism: "PS_ALSH" }, message: /the funder etat-prefecture-pas-de-calais is the État/ },
    ])("refuses $what with BAD_USER_INPUT on input.mechanism", async ({ identity, input, message }) => {
      const label = tag("mechanism");
      expectError(await record(cafLine({ ...input, label }), identity), "BAD_USER_INPUT", "input.mechanism", message);
      expect(await countLabelled(label)).toBe(0);
    });

    it("accepts REAAP, CLAS and AUTRE by any funder, and own funds of the agglomeration", async () => {
      await recorded(cafLine({ funderId: undefined, mechanism: "REAAP" }), DEPARTEMENT_EDITOR);
      await recorded(cafLine({ funderId: undefined, mechanism: "CLAS" }), GOSNAY_EDITOR);
      await recorded(cafLine({ funderId: ETAT_ID, mechanism: "AUTRE" }), ADMIN);
      await recorded(cafLine({ funderId: INSTITUTION_IDS.cabbalr, mechanism: "FONDS_PROPRES_COLLECTIVITE" }), ADMIN);
    });

    it("checks a correction on the line as it will be stored", async () => {
      const line = await recorded(cafLine());
      expectError(await correct(line.id, 1, { funderId: DEPARTEMENT }), "BAD_USER_INPUT", "input.mechanism", /PSU is granted by the CAF only; the funder departement-pas-de-calais/);
      expectError(await correct(line.id, 1, { mechanism: "AIDE_MSA" }, CAF_EDITOR), "BAD_USER_INPUT", "input.mechanism", /AIDE_MSA is granted by the MSA only/);
      expect((await correct(line.id, 1, { mechanism: "PS_ALSH" }, CAF_EDITOR)).data?.correctFunding).toMatchObject({ mechanism: "PS_ALSH", version: 2 });
    });
  });

  describe("validation", () => {
    const long = "x".repeat(129);
    it.each([
      { field: "amount 0", input: { amount: "0" }, argument: "input.amount", message: /input\.amount must be over 0/ },
      { field: "amount 0.00", input: { amount: "0.00" }, argument: "input.amount", message: /must be over 0/ },
      { field: "a negative amount", input: { amount: "-5.00" }, argument: "input.amount", message: /input\.amount must be a positive amount of euros with at most two decimals/ },
      { field: "an amount too large for the column", input: { amount: "1234567890123.00" }, argument: "input.amount", message: /positive amount of euros/ },
      { field: "year 1999", input: { year: 1999 }, argument: "input.year", message: /input\.year must be a whole number from 2000 to 2100 \(got 1999\)/ },
      { field: "year 2101", input: { year: 2101 }, argument: "input.year", message: /from 2000 to 2100/ },
      { field: "a commune outside the territory", input: { communeCode: "59350" }, argument: "input.communeCode", message: /input\.communeCode must be a commune of the agglomeration: 59350 is Lille, outside/ },
      { field: "a malformed commune code", input: { communeCode: "6211" }, argument: "input.communeCode", message: /not an INSEE commune code/ },
      { field: "neither recipient nor service", input: { recipientId: null, serviceId: undefined }, argument: "input.recipientId", message: /needs input\.recipientId, input\.serviceId or both/ },
      { field: "an empty serviceId", input: { serviceId: "" }, argument: "input.serviceId", message: /input\.serviceId must be 1 to 128 letters, digits or « \. _ : - »/ },
      { field: "a recipientId with a space", input: { recipientId: "commune 62377" }, argument: "input.recipientId", message: /input\.recipientId must be 1 to 128/ },
      { field: "a conventionId of 129 characters", input: { conventionId: long }, argument: "input.conventionId", message: /input\.conventionId must be 1 to 128 .*…/ },
      { field: "a label of 201 characters", input: { label: "é".repeat(201) }, argument: "input.label", message: /input\.label must be at most 200 characters \(got 201\)/ },
      { field: "a label with a line break", input: { label: "two\nlines" }, argument: "input.label", message: /input\.label contains control characters or line breaks/ },
      { field: "an ADMIN without funderId", input: { funderId: undefined }, argument: "input.funderId", message: /input\.funderId is required when an ADMIN records a funding/ },
      { field: "a malformed funderId", input: { funderId: "caf/pas-de-calais" }, argument: "input.funderId", message: /input\.funderId must be 1 to 128/ },
    ])("refuses $field in recordFunding", async ({ input, argument, message }) => {
      const label = (input as { label?: string }).label ?? tag("validation");
      expectError(await record(cafLine({ ...input, label }), ADMIN), "BAD_USER_INPUT", argument, message);
      expect(await countLabelled(label)).toBe(0);
    });

    it("refuses an amount with three decimals as the Decimal scalar is read, naming input.amount", async () => {
      const error = expectError(await record(cafLine({ amount: "12.345" })), "BAD_USER_INPUT");
      expect(error.message).toMatch(/input\.amount.*at most two decimals/);
    });

    it("stores the label trimmed, an empty label as none, and the amount with two decimals", async () => {
      const line = await recorded(cafLine({ amount: "1250.5", label: "  PSU 2026  " }));
      expect(line).toMatchObject({ amount: "1250.50", label: "PSU 2026" });
      expect(await recorded(cafLine({ label: "   " }))).toMatchObject({ label: null });
    });

    it.each([
      { field: "an empty input", version: 1, input: {}, argument: "input", message: /input changes nothing/ },
      { field: "expectedVersion 0", version: 0, input: { amount: "1.00" }, argument: "expectedVersion", message: /expectedVersion must be the record.s version as last read, a whole number from 1 \(got 0\)/ },
      { field: "a negative expectedVersion", version: -3, input: { amount: "1.00" }, argument: "expectedVersion", message: /a whole number from 1 \(got -3\)/ },
      { field: "a cleared amount", version: 1, input: { amount: null }, argument: "input.amount", message: /input\.amount cannot be cleared/ },
      { field: "a cleared mechanism", version: 1, input: { mechanism: null }, argument: "input.mechanism", message: /input\.mechanism cannot be cleared/ },
      { field: "a cleared funder", version: 1, input: { funderId: null }, argument: "input.funderId", message: /input\.funderId cannot be cleared/ },
      { field: "a cleared year", version: 1, input: { year: null }, argument: "input.year", message: /input\.year cannot be cleared/ },
      { field: "year 1999", version: 1, input: { year: 1999 }, argument: "input.year", message: /from 2000 to 2100/ },
      { field: "a negative amount", version: 1, input: { amount: "-1" }, argument: "input.amount", message: /positive amount/ },
      { field: "a commune outside the territory", version: 1, input: { communeCode: "75056" }, argument: "input.communeCode", message: /outside the 100 communes/ },
      { field: "an empty recipientId", version: 1, input: { recipientId: "" }, argument: "input.recipientId", message: /1 to 128/ },
      { field: "a label of 201 characters", version: 1, input: { label: "a".repeat(201) }, argument: "input.label", message: /at most 200/ },
      { field: "clearing both recipient and service", version: 1, input: { recipientId: null, serviceId: null }, argument: "input.recipientId", message: /neither recipient nor service/ },
    ])("refuses $field in correctFunding and leaves the funding as it was", async ({ version, input, argument, message }) => {
      const line = await recorded(cafLine());
      expectError(await correct(line.id, version, input, CAF_EDITOR), "BAD_USER_INPUT", argument, message);
      const row = await stored(line.id);
      expect(row).toMatchObject({ version: 1, label: line.label, recipientId: PSU_LINE.recipientId });
      expect(row!.amount.toFixed(2)).toBe("1000.00");
    });

    it("refuses a malformed id and answers NOT_FOUND for an unknown one", async () => {
      expectError(await correct("no such/funding", 1, { amount: "1.00" }), "BAD_USER_INPUT", "id", /^id must be 1 to 128/);
      expectError(await correct("funding-unknown", 1, { amount: "1.00" }, CAF_EDITOR), "NOT_FOUND", "id", /No funding has the id "funding-unknown"/);
    });

    it("clears nullable fields with null and leaves absent ones as they are", async () => {
      const line = await recorded(cafLine({ conventionId: "ctg-cabbalr-2026-2030" }));
      const result = await correct(line.id, 1, { label: null, communeCode: null, conventionId: null, recipientId: null }, CAF_EDITOR);
      expect(result.errors).toBeUndefined();
      expect(result.data!.correctFunding).toMatchObject({
        label: null,
        commune: null,
        convention: null,
        recipient: null,
        service: { id: PSU_LINE.serviceId },
        amount: "1000.00",
        year: 2026,
        version: 2,
      });
    });
  });

  describe("versions and the audit trail", () => {
    it("bumps the version at each correction, refuses a stale one with CONFLICT, and shows it in Funding.version", async () => {
      const line = await recorded(cafLine());
      expect((await correct(line.id, 1, { year: 2027 }, CAF_EDITOR)).data?.correctFunding).toMatchObject({ year: 2027, version: 2 });
      const stale = expectError(await correct(line.id, 1, { year: 2028 }, CAF_EDITOR), "CONFLICT", undefined, /is at version 2, not 1.*expectedVersion: 2/);
      expect(stale.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
      const read = await run(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Funding { year version } } }`, { reps: [{ __typename: "Funding", id: line.id }] });
      expect(read.data?._entities).toEqual([{ year: 2027, version: 2 }]);
    });

    it("lets exactly one of two concurrent corrections from the same version win; the other gets CONFLICT and both are in the trail", async () => {
      const line = await recorded(cafLine());
      const attempts = [
        { amount: "1111.11", identity: CAF_EDITOR },
        { amount: "2222.22", identity: ADMIN },
      ];
      const results = await Promise.all(attempts.map(({ amount, identity }) => correct(line.id, 1, { amount }, identity)));
      const won = results.map((r) => r.errors === undefined);
      expect(won.filter(Boolean)).toHaveLength(1);
      const winner = attempts[won.indexOf(true)];
      const loser = attempts[won.indexOf(false)];
      const conflict = expectError(results[won.indexOf(false)], "CONFLICT", undefined, /someone changed it since it was read/);
      expect(conflict.extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
      expect(results[won.indexOf(true)].data!.correctFunding).toMatchObject({ amount: winner.amount, version: 2 });

      const row = await stored(line.id);
      expect(row!.amount.toFixed(2)).toBe(winner.amount);
      expect(row!.version).toBe(2);

      const entries = await trail({ fundingId: line.id });
      expect(entries.map((e) => `${e.action} ${e.outcome}`).sort()).toEqual(["CREATE APPLIED", "UPDATE APPLIED", "UPDATE CONFLICT"]);
      expect(entries[entries.length - 1]).toMatchObject({ action: "CREATE", versionBefore: null, versionAfter: 1, before: null, actor: { role: "ADMIN" } });
      const applied = entries.find((e) => e.outcome === "APPLIED" && e.action === "UPDATE")!;
      expect(applied).toMatchObject({ entityId: line.id, versionBefore: 1, versionAfter: 2, actor: { role: winner.identity.role, partnerId: winner.identity.partnerId } });
      expect(Number(applied.before!.amount)).toBe(1000);
      expect(Number(applied.after!.amount)).toBe(Number(winner.amount));
      const refused = entries.find((e) => e.outcome === "CONFLICT")!;
      expect(refused).toMatchObject({ entityId: line.id, versionBefore: 2, actor: { role: loser.identity.role, partnerId: loser.identity.partnerId }, after: { amount: loser.amount } });
      expect(refused.message).toMatch(/is at version 2, not 1/);
      expect(applied.id).toMatch(/^funding:\d+$/);
    });

    it("keeps an editor's FORBIDDEN attempts, with what was attempted, and no entry for residents", async () => {
      const line = await recorded(cafLine());
      await correct(line.id, 1, { amount: "1.00" }, DEPARTEMENT_EDITOR);
      await correct(line.id, 1, { amount: "2.00" }, RESIDENT);
      await correct(line.id, 1, { amount: "3.00" }, STAFF);
      const entries = await trail({ fundingId: line.id });
      expect(entries.map((e) => `${e.action} ${e.outcome} ${e.actor.role}`)).toEqual(["UPDATE FORBIDDEN STAFF", "UPDATE FORBIDDEN PARTNER_EDITOR", "CREATE APPLIED ADMIN"]);
      expect(entries[1]).toMatchObject({
        actor: { role: "PARTNER_EDITOR", partnerId: DEPARTEMENT, subject: `test:partner_editor:${DEPARTEMENT}` },
        after: { amount: "1.00" },
        before: null,
        versionAfter: null,
      });
      expect(entries[1].message).toMatch(new RegExp(`Only editors of partner ${CAF} or an ADMIN may correct funding ${line.id}`));

      const label = tag("forbidden record");
      await record(cafLine({ label }), ASSOCIATION_EDITOR);
      const [latest] = await trail({ first: 1 });
      expect(latest).toMatchObject({ action: "CREATE", outcome: "FORBIDDEN", actor: { partnerId: ASSOCIATION }, after: { label, funderId: CAF, amount: "1000.00" } });
      expect(latest.entityId).toMatch(/^funding-/);
      expect(latest.message).toMatch(/grants no CTG funding/);
    });

    it("filters the trail by funding and by time, newest first, at most `first` entries", async () => {
      const line = await recorded(cafLine());
      await correct(line.id, 1, { amount: "10.00" });
      await correct(line.id, 2, { amount: "20.00" });
      const entries = await trail({ fundingId: line.id });
      expect(entries.map((e) => e.versionAfter)).toEqual([3, 2, 1]);
      expect(entries.every((e) => e.entityId === line.id)).toBe(true);
      const ids = entries.map((e) => Number(e.id.split(":")[1]));
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      expect(await trail({ fundingId: line.id, first: 1 })).toHaveLength(1);
      // Instants taken from the trail itself, so that the database's clock and time zone do not matter.
      expect(await trail({ fundingId: line.id, since: new Date(new Date(entries[0].at).getTime() + 1).toISOString() })).toEqual([]);
      expect(await trail({ fundingId: line.id, since: new Date(entries[2].at).toISOString() })).toHaveLength(3);
      expect(await trail({ fundingId: "funding-none" })).toEqual([]);
      expect((await trail()).length).toBeLessThanOrEqual(50);
    });

    it.each([
      { who: "a resident", identity: RESIDENT, code: "UNAUTHENTICATED" },
      { who: "staff", identity: STAFF, code: "FORBIDDEN" },
      { who: "an editor of the CAF", identity: CAF_EDITOR, code: "FORBIDDEN" },
    ])("refuses the audit trail to $who ($code)", async ({ identity, code }) => {
      const result = await run(TRAIL, {}, identity);
      expect(result.data?.fundingAuditTrail ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe(code);
      if (code === "FORBIDDEN") expect(result.errors?.[0].message).toMatch(/Only an ADMIN may read the audit trail/);
    });

    it("refuses a page of the trail over 500 and a malformed fundingId", async () => {
      const tooMany = await run(TRAIL, { first: 501 }, ADMIN);
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
      const malformed = await run(TRAIL, { fundingId: "a b" }, ADMIN);
      expect(malformed.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "fundingId" });
    });
  });
});
