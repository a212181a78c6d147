import type { Service } from "./generated/prisma/client.ts";

/** A service row, with its distance when it was found through a `near` filter. */
export type ServiceRow = Service & { distanceKm?: number | null };
