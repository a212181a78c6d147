/** `CTG_MODE`: `production` hardens every process; `development` (the default) keeps `npm start` zero-configuration. */
export type HubMode = "production" | "development";

type Env = Record<string, string | undefined>;

export function hubMode(env: Env = process.env): HubMode {
  const value = (env.CTG_MODE ?? "").trim().toLowerCase();
  if (value === "" || value === "development") return "development";
  if (value === "production") return "production";
  throw new Error(`CTG_MODE must be "production" or "development" (got ${JSON.stringify(env.CTG_MODE)}).`);
}

/** A whole number from the environment, or `fallback` when unset; anything else is a start-up error. */
export function envInteger(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min} (got ${JSON.stringify(raw)}).`);
  return value;
}

/** `1`, `true`, `yes` or `on` (any case) are true; unset or `0`, `false`, `no`, `off` are false. */
export function envFlag(env: Env, name: string): boolean {
  const raw = (env[name] ?? "").trim().toLowerCase();
  if (raw === "" || raw === "0" || raw === "false" || raw === "no" || raw === "off") return false;
  if (raw === "1" || raw === "true" || raw === "yes" || raw === "on") return true;
  throw new Error(`${name} must be 1 or 0 (got ${JSON.stringify(env[name])}).`);
}

/** A non-empty value, or undefined. */
export function envText(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}
