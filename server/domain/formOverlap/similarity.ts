// Two views of "the same field name": character bigrams need no segmenter
// (robust to words jieba does not know), word tokens catch reorderings and
// inserted modifiers. The matcher takes the better of the two.

export type Tokenize = (text: string) => string[];

export function bigramsOf(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Sørensen–Dice over character bigram multisets, 0…1. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const x = bigramsOf(a);
  const y = bigramsOf(b);
  if (!x.length || !y.length) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const c = counts.get(g);
    if (c) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** Jaccard over word-token sets, 0…1. */
export function tokenJaccard(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return shared / (x.size + y.size - shared);
}
