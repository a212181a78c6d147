/** A commune as other subgraphs know it: its key. */
export type CommuneRef = { code: string };
