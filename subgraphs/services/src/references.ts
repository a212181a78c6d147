/** Entities other subgraphs own, as this subgraph knows them: their keys. */
export type PartnerRef = { id: string };
export type CommuneRef = { code: string };
