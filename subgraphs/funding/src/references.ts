/**
 * Entities other subgraphs own, as this subgraph sees them: their key, plus the fields it
 * `@requires` (a commune's population).
 */
export type ServiceRef = { id: string };
export type PartnerRef = { id: string };
export type ConventionRef = { id: string };
export type CommuneRef = { code: string; population?: number | null };
