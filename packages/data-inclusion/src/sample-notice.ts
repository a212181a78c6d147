/**
 * Illustrative records stay marked as such wherever they go: the hub opens their description with
 * this notice when it publishes them, and an import that finds it marks the record as sample data.
 */
export const SAMPLE_NOTICE = "Donnée d'exemple, non officielle. ";

export function readSampleNotice(description: string): { description: string; isSample: boolean } {
  return description.startsWith(SAMPLE_NOTICE)
    ? { description: description.slice(SAMPLE_NOTICE.length), isSample: true }
    : { description, isSample: false };
}
