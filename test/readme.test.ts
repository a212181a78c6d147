import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./support/stack.ts";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack("readme");
});
afterAll(async () => {
  await stack?.close();
});

const isEmpty = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

describe("the README's example queries", () => {
  it("has examples to run", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((q, i) => [i + 1, q]))("example %i runs through the gateway and returns a non-empty answer", async (_, query) => {
    const { data, errors } = await stack.query(query as string);
    expect(errors).toBeUndefined();
    expect(data).toBeTruthy();
    for (const root of Object.values(data as Record<string, unknown>)) expect(isEmpty(root)).toBe(false);
  });
});
