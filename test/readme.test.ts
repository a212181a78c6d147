import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken, signingSettingsFromEnv } from "../gateway/src/dev-token.ts";
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

/**
 * An example whose first line is `# as: <role> [partner]` runs with a development token of that
 * role, as `pnpm run token --role <role> [--partner <partner>]` would issue it.
 */
async function headersFor(query: string): Promise<Record<string, string>> {
  const as = /^# as: (staff|partner_editor|admin)(?: (\S+))?\n/.exec(query);
  if (!as) return {};
  const role = as[1].toUpperCase() as "STAFF" | "PARTNER_EDITOR" | "ADMIN";
  const token = await issueToken({ role, partnerId: as[2] ?? null, subject: "readme", ttlSeconds: 300 }, signingSettingsFromEnv({}));
  return { authorization: `Bearer ${token}` };
}

const isEmpty = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

describe("the README's example queries", () => {
  it("has examples to run", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((q, i) => [i + 1, q]))("example %i runs through the gateway and returns a non-empty answer", async (_, query) => {
    const { data, errors } = await stack.query(query as string, {}, await headersFor(query as string));
    expect(errors).toBeUndefined();
    expect(data).toBeTruthy();
    for (const root of Object.values(data as Record<string, unknown>)) expect(isEmpty(root)).toBe(false);
  });
});
