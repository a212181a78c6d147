import { readFileSync } from "node:fs";
import { buildSchema, Kind, parse, validate, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, DEFAULT_SAFELIST_FILE } from "../src/config.ts";
import { aliasLimit, countTokens, depthLimit, estimateCost } from "../src/limits.ts";
import { loadSafelist } from "../src/safelist.ts";

const schema = buildSchema(readFileSync(new URL("../../schema/api.graphql", import.meta.url), "utf8"));
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const readmeExamples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

function costOf(text: string, variables: Record<string, unknown> = {}): number {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return estimateCost(schema, operation, fragments, variables);
}

const errorsOf = (text: string, rules = [depthLimit(DEFAULT_LIMITS.maxDepth), aliasLimit(DEFAULT_LIMITS.maxAliases)]) =>
  validate(schema, parse(text), rules).map((e) => e.message);

describe("the cost estimate", () => {
  it("charges each object once, times the items of the lists around it", () => {
    expect(costOf(`{ commune(code: "62119") { name } }`)).toBe(1);
    expect(costOf(`{ communes(first: 30) { name epci { name } } }`)).toBe(30 * (1 + 1));
    // Commune.services is assumed to hold 20 services, Service.fundings 10 lines.
    expect(costOf(`{ commune(code: "62119") { services { fundings { amount } } } }`)).toBe(1 + 20 * (1 + 10));
  });

  it("sizes a connection's nodes and edges by its first, from a variable or the schema's default", () => {
    expect(costOf(`query($n: Int!) { services(first: $n) { totalCount nodes { name operator { name } } } }`, { n: 50 })).toBe(1 + 50 * (1 + 1));
    expect(costOf(`{ services { nodes { name } } }`)).toBe(1 + 20);
    expect(costOf(`{ services(first: 100000) { nodes { name } } }`)).toBe(1 + 500);
  });

  it("counts fragments where they are spread", () => {
    expect(costOf(`{ a: commune(code: "1") { ...C } b: commune(code: "2") { ...C } } fragment C on Commune { epci { name } }`)).toBe(2 * (1 + 1));
  });

  it.each(readmeExamples.map((q, i) => [i + 1, q]))("keeps README example %i well within the default limits", (_, query) => {
    expect(costOf(query as string)).toBeLessThan(DEFAULT_LIMITS.maxCost / 4);
    expect(errorsOf(query as string)).toEqual([]);
    expect(countTokens(query as string)).toBeLessThan(DEFAULT_LIMITS.maxTokens / 4);
  });

  it("keeps every safelisted bot operation within the default limits, even at its largest page", () => {
    const safelist = loadSafelist(DEFAULT_SAFELIST_FILE);
    expect(safelist.size).toBeGreaterThanOrEqual(8);
    for (const text of safelist.values()) {
      expect(costOf(text, { first: 500, offset: 0 })).toBeLessThan(DEFAULT_LIMITS.maxCost / 4);
      expect(errorsOf(text)).toEqual([]);
      expect(countTokens(text)).toBeLessThan(DEFAULT_LIMITS.maxTokens / 4);
    }
  });
});

describe("the depth and alias rules", () => {
  it("states the depth limit and the operation's depth", () => {
    const deep = `query Deep { commune(code: "62119") { services { serviceArea { services { serviceArea { services { serviceArea { services { name } } } } } } } } }`;
    expect(errorsOf(deep)).toEqual(["Operation Deep is 9 levels deep; the gateway accepts at most 8 (CTG_MAX_DEPTH)."]);
    expect(errorsOf(deep, [depthLimit(9)])).toEqual([]);
  });

  it("counts depth through fragments and leaves introspection to its own switch", () => {
    expect(errorsOf(`{ commune(code: "1") { ...A } } fragment A on Commune { epci { communes { epci { name } } } }`, [depthLimit(4)])).toEqual([
      "The operation is 5 levels deep; the gateway accepts at most 4 (CTG_MAX_DEPTH).",
    ]);
    expect(errorsOf(`{ __schema { types { fields { type { ofType { ofType { name } } } } } } }`, [depthLimit(2)])).toEqual([]);
  });

  it("states the alias limit and the count, fragments counted each time they are spread", () => {
    const fragment = `fragment F on Commune { a: name b: name c: name }`;
    const spread = Array.from({ length: 5 }, (_, i) => `c${i}: commune(code: "62119") { ...F }`).join(" ");
    expect(errorsOf(`{ ${spread} } ${fragment}`)).toEqual(["The operation uses 20 aliases; the gateway accepts at most 15 (CTG_MAX_ALIASES)."]);
  });
});
