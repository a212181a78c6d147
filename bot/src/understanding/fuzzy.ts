/**
 * Edit distance for typos: insertions, deletions, substitutions and swaps of two neighbouring
 * letters (« Bethnue » → « bethune » is one swap). Gives up as soon as the distance exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  if (n + 1 > rows[0].length) rows = [0, 1, 2].map(() => new Int32Array(2 * (n + 1)));
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, beforePrevious[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[n];
}

/** Rows reused between calls: the distance runs on every unknown word of every message. */
let rows = [0, 1, 2].map(() => new Int32Array(64));

/** A typo rarely hits both of the first two letters: a cheap filter before the edit distance. */
function sameStart(a: string, b: string): boolean {
  return a[0] === b[0] || (a[1] === b[1] && a[2] === b[2]) || (a[0] === b[1] && a[1] === b[0]);
}

/** How many typos a word of this length may carry and still be recognised. */
export function typoAllowance(length: number): number {
  if (length < 5) return 0;
  if (length < 9) return 1;
  return 2;
}

/**
 * A dictionary of words bucketed by length, to find the nearest entry to a misspelt word
 * without comparing it with every entry.
 */
export class FuzzyDictionary<T> {
  private readonly byLength = new Map<number, { key: string; value: T }[]>();

  add(key: string, value: T): void {
    const bucket = this.byLength.get(key.length) ?? [];
    bucket.push({ key, value });
    this.byLength.set(key.length, bucket);
  }

  /** Entries at the smallest distance within the allowance of the longer of the two words. */
  nearest(word: string): { key: string; value: T; distance: number }[] {
    let best: { key: string; value: T; distance: number }[] = [];
    let bestDistance = Infinity;
    for (let length = word.length - 2; length <= word.length + 2; length++) {
      for (const entry of this.byLength.get(length) ?? []) {
        const allowance = word.length < 4 ? 0 : typoAllowance(Math.max(word.length, entry.key.length));
        if (allowance === 0 || !sameStart(word, entry.key)) continue;
        const distance = editDistance(word, entry.key, Math.min(allowance, bestDistance));
        if (distance > allowance || distance > bestDistance) continue;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = [];
        }
        best.push({ ...entry, distance });
      }
    }
    return best;
  }
}
