/**
 * Edit distance for typos: insertions, deletions, substitutions and swaps of two neighbouring
 * letters (« Bethnue » → « bethune » is one swap). Gives up as soon as the distance exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let beforePrevious = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforePrevious[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[n];
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
        if (allowance === 0) continue;
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
