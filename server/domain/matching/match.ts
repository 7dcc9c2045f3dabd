// Which catalogue item a free-text name means: a match, a candidate a monitor
// must confirm (待核实), or none. Only equal keys, built-in wordings and
// synonyms a monitor confirmed count as a match: a violation is an accusation,
// so "close" is never enough to clear or to flag a record (domain.md §2).
import { nameKey, type NameKind, type PlaceContext } from "./normalise";

/** At or above this similarity (and below a match) a name is 待核实; below it, no item is meant. */
export const REVIEW_THRESHOLD = 0.6;

export interface Candidate {
  name: string;
  score: number;
}

export type NameMatch =
  | { status: "MATCH"; item: string; score: 1; via: "key" | "synonym" }
  | { status: "REVIEW"; candidates: Candidate[] }
  | { status: "NONE"; candidates: Candidate[] };

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Dice coefficient of character bigrams; a name wholly inside the other (4+ characters) counts as close. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const left = bigrams(a);
  const right = new Map<string, number>();
  for (const g of bigrams(b)) right.set(g, (right.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of left) {
    const n = right.get(g) ?? 0;
    if (n > 0) {
      common += 1;
      right.set(g, n - 1);
    }
  }
  const dice = (2 * common) / (left.length + bigrams(b).length);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const contained = [...short].length >= 4 && long.includes(short) ? 0.75 : 0;
  return Math.round(Math.max(dice, contained) * 1000) / 1000;
}

export interface MatchOptions {
  places?: PlaceContext;
  /** Confirmed pairings: key of the wording (nameKey) → catalogue item name. */
  synonyms?: ReadonlyMap<string, string>;
}

// Catalogue names are few and judged against again and again: their keys are kept.
const itemKeys = new Map<string, string>();
function itemKey(name: string, kind: NameKind): string {
  const cacheKey = `${kind}\u0000${name}`;
  let key = itemKeys.get(cacheKey);
  if (key === undefined) {
    if (itemKeys.size > 50_000) itemKeys.clear();
    key = nameKey(name, kind);
    itemKeys.set(cacheKey, key);
  }
  return key;
}

export function matchName(
  raw: string,
  kind: NameKind,
  items: readonly string[],
  options: MatchOptions = {},
): NameMatch {
  const key = nameKey(raw, kind, options.places);
  const synonym = options.synonyms?.get(key);
  if (synonym && items.includes(synonym)) return { status: "MATCH", item: synonym, score: 1, via: "synonym" };
  const scored = items.map((name) => ({ name, key: itemKey(name, kind) }));
  const exact = scored.find((s) => s.key === key);
  if (exact) return { status: "MATCH", item: exact.name, score: 1, via: "key" };
  const candidates = scored
    .map((s) => ({ name: s.name, score: similarity(key, s.key) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  const close = candidates.filter((c) => c.score >= REVIEW_THRESHOLD);
  return close.length > 0 ? { status: "REVIEW", candidates: close } : { status: "NONE", candidates };
}
