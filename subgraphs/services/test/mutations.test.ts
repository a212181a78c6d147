import { identityOf, type Identity } from "@ctg/kit";
import { beforeAll, describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { services } from "../src/server.ts";

const subgraph = useSubgraph(services, "services_mutations");
const run = subgraph.run;

const CREATE = `mutation($input: CreateServiceInput!) { createService(input: $input) { id name status version operator { id } commune { code } serviceArea { code } phone openingHours axis } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateServiceInput!) { updateService(id: $id, expectedVersion: $v, input: $input) { id name status version capacity phone } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveService(id: $id, expectedVersion: $v) { id status version } }`;
const AUDIT = `query($id: ID) { serviceAuditTrail(serviceId: $id) { id action outcome actor { role partnerId subject } versionBefore versionAfter before after message } }`;
const ONE = `query($id: ID!) { service(id: $id) { id name status version contacts { name role phone email } } }`;

const admin = identityOf("ADMIN");
const staff = identityOf("STAFF");
const resident = identityOf("RESIDENT");

let operatorId: string;
let otherPartnerId: string;
let owner: Identity;
let stranger: Identity;

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;

/** A fresh published service of the operator, so that every case starts from version 1. */
async function freshService(name = "Relais test"): Promise<{ id: string; version: number }> {
  const result = await run(CREATE, { input: { operatorId, name, type: "RPE", communeCode: "62119", status: "PUBLISHED" } }, admin);
  expect(result.errors).toBeUndefined();
  return result.data!.createService;
}

beforeAll(async () => {
  const [first, other] = await subgraph.db.prisma.service.findMany({ distinct: ["operatorId"], orderBy: { operatorId: "asc" }, take: 2 });
  operatorId = first.operatorId;
  otherPartnerId = other.operatorId;
  owner = identityOf("PARTNER_EDITOR", operatorId);
  stranger = identityOf("PARTNER_EDITOR", otherPartnerId);
});

describe("who may change a service: role × operation × owner", () => {
  const cases: [string, () => Identity, string | null][] = [
    ["a resident (no token)", () => resident, "UNAUTHENTICATED"],
    ["partner staff", () => staff, "FORBIDDEN"],
    ["an editor of another partner", () => stranger, "FORBIDDEN"],
    ["an editor of the operator", () => owner, null],
    ["an administrator", () => admin, null],
  ];

  it.each(cases)("createService by %s", async (_, who, refused) => {
    const name = `Création ${Math.random()}`;
    const result = await run(CREATE, { input: { operatorId, name, type: "LAEP", communeCode: "62377" } }, who());
    expect(codeOf(result) ?? null).toBe(refused);
    const stored = await subgraph.db.prisma.service.count({ where: { name } });
    expect(stored).toBe(refused ? 0 : 1);
    if (!refused) expect(result.data!.createService).toMatchObject({ status: "DRAFT", version: 1, operator: { id: operatorId }, axis: "PARENTALITE" });
  });

  it.each(cases)("updateService by %s", async (_, who, refused) => {
    const service = await freshService();
    const result = await run(UPDATE, { id: service.id, v: 1, input: { capacity: 42 } }, who());
    expect(codeOf(result) ?? null).toBe(refused);
    const stored = await subgraph.db.prisma.service.findUniqueOrThrow({ where: { id: service.id } });
    expect(stored.capacity).toBe(refused ? null : 42);
    expect(stored.version).toBe(refused ? 1 : 2);
  });

  it.each(cases)("archiveService by %s", async (_, who, refused) => {
    const service = await freshService();
    const result = await run(ARCHIVE, { id: service.id, v: 1 }, who());
    expect(codeOf(result) ?? null).toBe(refused);
    const stored = await subgraph.db.prisma.service.findUniqueOrThrow({ where: { id: service.id } });
    expect(stored.archivedAt === null).toBe(!!refused);
  });

  it("an editor cannot create for another partner, nor move its service to another partner", async () => {
    const create = await run(CREATE, { input: { operatorId: otherPartnerId, name: "Pas à moi", type: "RPE", communeCode: "62119" } }, owner);
    expect(codeOf(create)).toBe("FORBIDDEN");
    const service = await freshService();
    const move = await run(UPDATE, { id: service.id, v: 1, input: { operatorId: otherPartnerId } }, owner);
    expect(codeOf(move)).toBe("FORBIDDEN");
    expect((await subgraph.db.prisma.service.findUniqueOrThrow({ where: { id: service.id } })).operatorId).toBe(operatorId);
    const byAdmin = await run(UPDATE, { id: service.id, v: 1, input: { operatorId: otherPartnerId } }, admin);
    expect(byAdmin.errors).toBeUndefined();
  });

  it("an editor's create defaults to its own partner; an admin must name one", async () => {
    const mine = await run(CREATE, { input: { name: "Sans opérateur", type: "RPE", communeCode: "62119" } }, owner);
    expect(mine.data?.createService.operator.id).toBe(operatorId);
    const adminWithout = await run(CREATE, { input: { name: "Sans opérateur", type: "RPE", communeCode: "62119" } }, admin);
    expect(codeOf(adminWithout)).toBe("BAD_USER_INPUT");
    expect(adminWithout.errors?.[0].message).toMatch(/input.operatorId is required/);
  });

  it("changing an unknown service is NOT_FOUND", async () => {
    const result = await run(UPDATE, { id: "svc-nope", v: 1, input: { capacity: 1 } }, admin);
    expect(codeOf(result)).toBe("NOT_FOUND");
  });
});

describe("validation of what editors type", () => {
  const base = { name: "Crèche des Tilleuls", type: "EAJE", communeCode: "62119" };
  it.each([
    [{ communeCode: "99999" }, "input.communeCode", /no current French commune has the INSEE code 99999/],
    [{ communeCode: "59350" }, "input.communeCode", /59350 is Lille, outside the 100 communes/],
    [{ communeCode: "Béthune" }, "input.communeCode", /not an INSEE commune code/],
    [{ serviceArea: ["62119", "75056"] }, "input.serviceArea[1]", /75056 is Paris/],
    [{ phone: "12 34" }, "input.phone", /must be a French phone number/],
    [{ phone: "+44 20 7946 0958" }, "input.phone", /must be a French phone number/],
    [{ openingHours: "du lundi au vendredi quand on peut" }, "input.openingHours", /not in OpenStreetMap opening_hours syntax/],
    [{ ageMinMonths: 36, ageMaxMonths: 12 }, "input.ageMinMonths", /the youngest age accepted must not exceed the oldest/],
    [{ ageMaxMonths: 1300 }, "input.ageMaxMonths", /whole number from 0 to 1200/],
    [{ email: "accueil@" }, "input.email", /must be an e-mail address/],
    [{ website: "javascript:alert(1)" }, "input.website", /must be a web address/],
    [{ name: "   " }, "input.name", /cannot be empty/],
    [{ name: "x".repeat(201) }, "input.name", /at most 200 characters/],
    [{ capacity: -3 }, "input.capacity", /whole number from 0 to 10000/],
    [{ location: { lat: 2.64, lon: 50.53 } }, "input.location", /km from the centre of Béthune.*swapped/],
    [{ location: { lat: 91, lon: 2 } }, "input.location.lat", /latitude from -90 to 90/],
    [{ status: "ARCHIVED" }, "input.status", /archive a service with archiveService/],
    [{ contacts: [{ name: "Mme Leroy", phone: "0612" }] }, "input.contacts[0].phone", /French phone number/],
    [{ contacts: Array.from({ length: 11 }, (_, i) => ({ name: `P${i}` })) }, "input.contacts", /at most 10 people/],
  ])("refuses %j with BAD_USER_INPUT on the argument", async (patch, argument, message) => {
    const result = await run(CREATE, { input: { ...base, ...patch } }, owner);
    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].extensions?.argument).toBe(argument);
    expect(result.errors?.[0].message).toMatch(message);
  });

  it("stores phones and opening hours in their canonical form, and the type's axis", async () => {
    const result = await run(CREATE, { input: { ...base, phone: "+33321571234", openingHours: "Mo-Fr 08:00-18:00", serviceArea: ["62377", "62119", "62377"] } }, owner);
    expect(result.errors).toBeUndefined();
    expect(result.data!.createService).toMatchObject({ phone: "03 21 57 12 34", openingHours: "Mo-Fr 08:00-18:00", axis: "PETITE_ENFANCE" });
    expect(result.data!.createService.serviceArea.map((c: { code: string }) => c.code).sort()).toEqual(["62119", "62377"]);
    const short = await run(CREATE, { input: { ...base, phone: "3919" } }, owner);
    expect(short.data?.createService.phone).toBe("3919");
  });

  it("checks a kept location against the new commune when a service moves", async () => {
    // Billy-Berclau and Estrée-Blanche are the agglomeration's two communes furthest apart (39 km).
    const created = await run(CREATE, { input: { ...base, communeCode: "62132", location: { lat: 50.5197, lon: 2.8668 } } }, owner);
    const id = created.data!.createService.id;
    const moved = await run(UPDATE, { id, v: 1, input: { communeCode: "62313" } }, owner);
    expect(moved.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "input.communeCode" } });
    expect(moved.errors?.[0].message).toMatch(/location is 39 km from the centre of Estrée-Blanche; give its new input.location too/);
    const withLocation = await run(UPDATE, { id, v: 1, input: { communeCode: "62313", location: null } }, owner);
    expect(withLocation.errors).toBeUndefined();
  });

  it("refuses an update that changes nothing and a version that is not a version", async () => {
    const service = await freshService();
    expect(codeOf(await run(UPDATE, { id: service.id, v: 1, input: {} }, owner))).toBe("BAD_USER_INPUT");
    expect(codeOf(await run(UPDATE, { id: service.id, v: 0, input: { capacity: 3 } }, owner))).toBe("BAD_USER_INPUT");
  });
});

describe("concurrent edits", () => {
  it("two edits from the same version: one wins, the other gets CONFLICT, the audit trail keeps both", async () => {
    const service = await freshService("Relais des deux éditeurs");
    const [a, b] = await Promise.all([
      run(UPDATE, { id: service.id, v: 1, input: { capacity: 10, name: "Relais — version A" } }, owner),
      run(UPDATE, { id: service.id, v: 1, input: { capacity: 20, name: "Relais — version B" } }, admin),
    ]);
    const results = [a, b];
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].errors![0].extensions).toMatchObject({ code: "CONFLICT", expectedVersion: 1, currentVersion: 2 });
    const stored = await subgraph.db.prisma.service.findUniqueOrThrow({ where: { id: service.id } });
    expect(stored.version).toBe(2);
    expect(stored.name).toBe(winners[0].data!.updateService.name);

    const trail = (await run(AUDIT, { id: service.id }, admin)).data!.serviceAuditTrail as any[];
    const updates = trail.filter((e) => e.action === "UPDATE");
    expect(updates.map((e) => e.outcome).sort()).toEqual(["APPLIED", "CONFLICT"]);
    const applied = updates.find((e) => e.outcome === "APPLIED");
    const refused = updates.find((e) => e.outcome === "CONFLICT");
    expect(applied).toMatchObject({ versionBefore: 1, versionAfter: 2 });
    expect(applied.before.name).toBe("Relais des deux éditeurs");
    expect(applied.after.name).toBe(stored.name);
    // Nothing is lost: the refused edit is kept, with what it tried to write.
    expect(refused.after.name).not.toBe(stored.name);
    expect(refused.after.name).toMatch(/^Relais — version [AB]$/);
    expect(refused.message).toMatch(/is at version 2, not 1/);
    expect(trail.find((e) => e.action === "CREATE")).toMatchObject({ outcome: "APPLIED", versionAfter: 1, actor: { role: "ADMIN" } });

    // The loser reads again and retries with the current version.
    const retry = await run(UPDATE, { id: service.id, v: 2, input: { capacity: 30 } }, owner);
    expect(retry.data?.updateService).toMatchObject({ version: 3, capacity: 30 });
  });
});

describe("the audit trail", () => {
  it("is read by administrators only", async () => {
    for (const who of [resident, staff, owner]) {
      const result = await run(AUDIT, {}, who);
      expect(codeOf(result)).toBe(who === resident ? "UNAUTHENTICATED" : "FORBIDDEN");
    }
  });

  it("pages from newest to oldest with `before`, without losing or repeating an entry", async () => {
    const PAGE = `query($before: ID) { serviceAuditTrail(first: 3, before: $before) { id } }`;
    const all = ((await run(`{ serviceAuditTrail(first: 500) { id } }`, {}, admin)).data!.serviceAuditTrail as { id: string }[]).map((e) => e.id);
    expect(all.length).toBeGreaterThan(6);
    const paged: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page = (await run(PAGE, { before }, admin)).data!.serviceAuditTrail as { id: string }[];
      if (!page.length) break;
      paged.push(...page.map((e) => e.id));
      before = page.at(-1)!.id;
    }
    expect(paged).toEqual(all);
    const wrong = await run(PAGE, { before: "funding:3" }, admin);
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "before" } });
  });

  it("keeps refused attempts of signed-in callers, with who tried and what", async () => {
    const service = await freshService();
    await run(UPDATE, { id: service.id, v: 1, input: { name: "Pris en main" } }, stranger);
    const trail = (await run(AUDIT, { id: service.id }, admin)).data!.serviceAuditTrail as any[];
    expect(trail[0]).toMatchObject({ action: "UPDATE", outcome: "FORBIDDEN", actor: { role: "PARTNER_EDITOR", partnerId: otherPartnerId }, after: { name: "Pris en main" } });
    expect(trail[0].id).toMatch(/^services:\d+$/);
  });
});

describe("visibility of drafts, archives and contact persons", () => {
  let draftId: string;
  beforeAll(async () => {
    const result = await run(CREATE, {
      input: { name: "Brouillon secret", type: "MAM", communeCode: "62377", contacts: [{ name: "Claire Dupont", role: "directrice", phone: "06 12 34 56 78", email: "c.dupont@example.org" }] },
    }, owner);
    draftId = result.data!.createService.id;
  });

  it("a draft is seen by the operator's editors, staff and admins, by nobody else", async () => {
    for (const [who, seen] of [[resident, false], [stranger, false], [owner, true], [staff, true], [admin, true]] as const) {
      const result = await run(ONE, { id: draftId }, who);
      expect(result.data?.service?.id ?? null, `${who.role} ${who.partnerId}`).toBe(seen ? draftId : null);
    }
  });

  it("lists drafts only when asked, and only those the caller may see", async () => {
    const LIST = `query($s: [ServiceStatus!]) { services(filter: { communeCode: "62377", statuses: $s }, first: 500) { nodes { id status } } }`;
    const ids = async (who: Identity, s?: string[]) => ((await run(LIST, { s }, who)).data?.services.nodes as { id: string }[]).map((n) => n.id);
    expect(await ids(owner)).not.toContain(draftId);
    expect(await ids(owner, ["DRAFT"])).toContain(draftId);
    expect(await ids(staff, ["DRAFT", "PUBLISHED"])).toContain(draftId);
    expect(await ids(stranger, ["DRAFT"])).not.toContain(draftId);
    const refused = await run(LIST, { s: ["DRAFT"] }, resident);
    expect(codeOf(refused)).toBe("FORBIDDEN");
    const COMMUNE = `query { _entities(representations: [{ __typename: "Commune", code: "62377" }]) { ... on Commune { services { id } } } }`;
    expect((await run(COMMUNE, {}, admin)).data?._entities[0].services.map((s: { id: string }) => s.id)).not.toContain(draftId);
  });

  it("contact persons are seen by staff and the operator's editors; residents get null and FORBIDDEN", async () => {
    const forStaff = await run(ONE, { id: draftId }, staff);
    expect(forStaff.data?.service.contacts).toEqual([{ name: "Claire Dupont", role: "directrice", phone: "06 12 34 56 78", email: "c.dupont@example.org" }]);
    const publish = await run(UPDATE, { id: draftId, v: 1, input: { status: "PUBLISHED" } }, owner);
    expect(publish.data?.updateService.status).toBe("PUBLISHED");
    const forResident = await run(ONE, { id: draftId }, resident);
    expect(forResident.data?.service).toMatchObject({ id: draftId, contacts: null });
    expect(codeOf(forResident)).toBe("FORBIDDEN");
    const forStranger = await run(ONE, { id: draftId }, stranger);
    expect(forStranger.data?.service.contacts).toBeNull();
  });

  it("an archived service leaves public listings; staff still see it; an update to PUBLISHED brings it back", async () => {
    const service = await freshService("Service à archiver");
    const OPERATED = `query($s: [ServiceStatus!]) { _entities(representations: [{ __typename: "Partner", id: "${operatorId}" }]) { ... on Partner { operatedServices(statuses: $s) { id status } } } }`;
    const operated = async (who: Identity, s?: string[]) => ((await run(OPERATED, { s }, who)).data?._entities[0].operatedServices as { id: string }[]).map((x) => x.id);
    expect(await operated(resident)).toContain(service.id);
    expect((await run(ARCHIVE, { id: service.id, v: 1 }, owner)).data?.archiveService).toMatchObject({ status: "ARCHIVED", version: 2 });
    expect(await operated(resident)).not.toContain(service.id);
    expect((await run(ONE, { id: service.id }, resident)).data?.service).toBeNull();
    expect(await operated(staff, ["ARCHIVED"])).toContain(service.id);
    expect(codeOf(await run(ARCHIVE, { id: service.id, v: 2 }, owner))).toBe("BAD_USER_INPUT");
    const back = await run(UPDATE, { id: service.id, v: 2, input: { status: "PUBLISHED" } }, owner);
    expect(back.data?.updateService).toMatchObject({ status: "PUBLISHED", version: 3 });
    expect(await operated(resident)).toContain(service.id);
  });
});
