export { understand, prepareUnderstanding, type Understanding } from "./understand.ts";
export { INTENTS, type Intent } from "./intent.ts";
export type { CommuneMatch, Place } from "./places.ts";
