import { describe, expect, it } from "vitest";
import { useSubgraph } from "../../../test/support/subgraph.ts";
import { territories } from "../src/server.ts";

const subgraph = useSubgraph(territories, "territories");
const run = subgraph.run;

describe("territories subgraph", () => {
  it("seeds the 100 communes of the CABBALR with their EPCI and a total population near 276 000", async () => {
    const result = await run(`{ epci(siren: "200072460") { name population communes { code } } }`);
    const epci = result.data?.epci as { name: string; population: number; communes: unknown[] };
    expect(epci.communes).toHaveLength(100);
    expect(epci.name).toBe("CA de Béthune-Bruay, Artois-Lys Romane");
    expect(epci.population).toBeGreaterThan(270_000);
    expect(epci.population).toBeLessThan(282_000);
  });

  it("resolves Commune and Epci references through _entities, null for unknown keys", async () => {
    const result = await run(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on Commune { code name postalCodes population location { lat lon } epci { siren } }
         ... on Epci { siren name } } }`,
      { reps: [{ __typename: "Commune", code: "62377" }, { __typename: "Epci", siren: "200072460" }, { __typename: "Commune", code: "75056" }] },
    );
    expect(result.errors).toBeUndefined();
    const [gosnay, epci, paris] = result.data?._entities as Record<string, unknown>[];
    expect(gosnay).toMatchObject({ code: "62377", name: "Gosnay", epci: { siren: "200072460" } });
    expect((gosnay.location as { lat: number }).lat).toBeCloseTo(50.5, 0);
    expect(epci).toMatchObject({ siren: "200072460" });
    expect(paris).toBeNull();
  });

  it.each([
    ["betune", "62119"],
    ["BETHUNE", "62119"],
    ["Bethnue", "62119"],
    ["noeux les mines", "62617"],
    ["Nœux-les-Mines", "62617"],
    ["St Venant", "62770"],
    ["saint-venant", "62770"],
    ["62700", "62178"],
    ["62119", "62119"],
    ["bruay", "62178"],
    ["la couture", "62252"],
  ])("ranks the right commune first for « %s »", async (search, code) => {
    const result = await run(`query($s: String) { communes(search: $s, first: 3) { code } }`, { s: search });
    expect((result.data?.communes as { code: string }[])[0]?.code).toBe(code);
  });

  it("returns no commune for a name far from every commune", async () => {
    const result = await run(`{ communes(search: "Strasbourg") { code } }`);
    expect(result.data?.communes).toEqual([]);
  });

  it("lists several communes for a postal code shared by several of them, most populous first", async () => {
    const result = await run(`{ communes(search: "62138") { name population } }`);
    const list = result.data?.communes as { name: string; population: number }[];
    expect(list.map((c) => c.name).sort()).toEqual(["Auchy-les-Mines", "Billy-Berclau", "Douvrin", "Haisnes", "Violaines"]);
    const populations = list.map((c) => c.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it("refuses a page size over 500 with a precise BAD_USER_INPUT error", async () => {
    const result = await run(`{ communes(search: "a", first: 501) { code } }`);
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toMatch(/first must be an integer between 0 and 500/);
  });

  it("answers null for a commune code it does not know", async () => {
    const result = await run(`{ commune(code: "99999") { name } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.commune).toBeNull();
  });
});
