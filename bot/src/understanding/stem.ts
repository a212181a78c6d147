/** Plural endings off, so that « crèches », « loisirs », « sociaux » meet their singular. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("aux")) return `${word.slice(0, -3)}al`;
  if (word.length > 3 && (word.endsWith("s") || word.endsWith("x"))) return word.slice(0, -1);
  return word;
}
