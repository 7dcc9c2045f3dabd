// Which forms ask for the same data. Each form is a set of data items; an
// item's weight is its rarity among the region's forms (inverse document
// frequency), halved for identity items every form carries, so two forms
// sharing only 姓名 and 电话 stay apart while a renamed form scores near 1.
import { DATA_ITEM_BY_KEY } from "./dataItems";
import type { FieldDictionary } from "./dictionary";

export interface FormInput {
  key: string;
  title: string;
  fields: readonly string[];
}

export interface ItemForm {
  key: string;
  title: string;
  /** Canonical item keys; fields nobody mapped count as `字段:<name>` so identical wording still matches. */
  items: string[];
}

export interface PairOverlap {
  a: number;
  b: number;
  /** Weighted share of the smaller form that the other also asks for, 0…1. */
  score: number;
  shared: string[];
  sharedSpecific: number;
}

/** Pairs at or above this score, with at least two non-identity items shared, ask for substantially the same data. */
export const SAME_DATA_SCORE = 0.5;
export const MIN_SHARED_SPECIFIC = 2;

export function toItemForm(form: FormInput, dictionary: FieldDictionary): ItemForm {
  const items = new Set<string>();
  for (const field of form.fields) {
    const m = dictionary.map(field);
    if (m.status === "STRUCTURAL") continue;
    items.add(m.itemKey ?? `字段:${m.normalised}`);
  }
  return { key: form.key, title: form.title, items: [...items] };
}

export function isGeneric(item: string): boolean {
  return DATA_ITEM_BY_KEY.get(item)?.generic === true;
}

/** Rarity weights over this set of forms. */
export function itemWeights(forms: readonly ItemForm[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of forms) for (const i of f.items) df.set(i, (df.get(i) ?? 0) + 1);
  const n = forms.length;
  const weights = new Map<string, number>();
  for (const [item, count] of df) weights.set(item, Math.log(1 + n / count) * (isGeneric(item) ? 0.5 : 1));
  return weights;
}

export function isSameData(p: Pick<PairOverlap, "score" | "sharedSpecific">): boolean {
  return p.score >= SAME_DATA_SCORE && p.sharedSpecific >= MIN_SHARED_SPECIFIC;
}

/**
 * All pairs sharing at least `minScore`, through an inverted index on integer
 * item ids: each form accumulates shared weight only with forms that share an
 * item, in typed arrays, instead of intersecting every pair's sets.
 */
export function overlapPairs(
  forms: readonly ItemForm[],
  weights: ReadonlyMap<string, number>,
  minScore = 0.3,
): PairOverlap[] {
  const ids = new Map<string, number>();
  const itemNames: string[] = [];
  const w: number[] = [];
  const formItems = forms.map((f) =>
    Int32Array.from(f.items, (item) => {
      let id = ids.get(item);
      if (id === undefined) {
        id = itemNames.length;
        ids.set(item, id);
        itemNames.push(item);
        w.push(weights.get(item) ?? 0);
      }
      return id;
    }),
  );
  const weight = Float64Array.from(w);
  const specific = Uint8Array.from(itemNames, (i) => (isGeneric(i) ? 0 : 1));
  const postings: number[][] = itemNames.map(() => []);
  formItems.forEach((items, f) => {
    for (const i of items) postings[i]!.push(f);
  });
  const total = Float64Array.from(formItems, (items) => items.reduce((s, i) => s + weight[i]!, 0));

  const n = forms.length;
  const acc = new Float64Array(n);
  const specificCount = new Uint16Array(n);
  const touched = new Int32Array(n);
  const seen = new Uint8Array(n);
  const out: PairOverlap[] = [];
  for (let a = 0; a < n; a++) {
    let touchedCount = 0;
    for (const i of formItems[a]!) {
      const list = postings[i]!;
      // Postings are in form order: only partners after `a`, each pair once.
      for (let k = list.length - 1; k >= 0; k--) {
        const b = list[k]!;
        if (b <= a) break;
        if (!seen[b]) {
          seen[b] = 1;
          touched[touchedCount++] = b;
        }
        acc[b] += weight[i]!;
        specificCount[b] += specific[i]!;
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const b = touched[t]!;
      const smaller = Math.min(total[a]!, total[b]!);
      const score = smaller > 0 ? acc[b]! / smaller : 0;
      if (score >= minScore)
        out.push({ a, b, score, shared: sharedItems(forms[a]!, forms[b]!), sharedSpecific: specificCount[b]! });
      acc[b] = 0;
      specificCount[b] = 0;
      seen[b] = 0;
    }
  }
  return out;
}

function sharedItems(a: ItemForm, b: ItemForm): string[] {
  const other = new Set(b.items);
  return a.items.filter((i) => other.has(i));
}

/** The same comparison done the obvious way: every pair, set intersection on strings. Baseline for the benchmark and an oracle for tests. */
export function overlapPairsNaive(
  forms: readonly ItemForm[],
  weights: ReadonlyMap<string, number>,
  minScore = 0.3,
): PairOverlap[] {
  const out: PairOverlap[] = [];
  const sets = forms.map((f) => new Set(f.items));
  const totals = forms.map((f) => f.items.reduce((s, i) => s + (weights.get(i) ?? 0), 0));
  for (let a = 0; a < forms.length; a++) {
    for (let b = a + 1; b < forms.length; b++) {
      const shared = forms[a]!.items.filter((i) => sets[b]!.has(i));
      if (!shared.length) continue;
      const sum = shared.reduce((s, i) => s + (weights.get(i) ?? 0), 0);
      const smaller = Math.min(totals[a]!, totals[b]!);
      const score = smaller > 0 ? sum / smaller : 0;
      if (score >= minScore)
        out.push({ a, b, score, shared, sharedSpecific: shared.filter((i) => !isGeneric(i)).length });
    }
  }
  return out;
}

/**
 * Groups of forms asking for the same data: average-linkage agglomeration
 * over the same-data pairs, strongest first. Two groups join only while the
 * mean overlap over all their cross pairs (absent pairs count 0) stays at the
 * same-data score, so a chain (低保 ~ 危房改造 ~ 房屋安全) does not become one
 * group while the closest forms stay together. Largest first; singletons left out.
 */
export function clusterForms(count: number, pairs: readonly PairOverlap[]): number[][] {
  const scores = new Map<number, number>();
  const key = (x: number, y: number) => (x < y ? x * count + y : y * count + x);
  for (const p of pairs) scores.set(key(p.a, p.b), p.score);
  const members: number[][] = Array.from({ length: count }, (_, i) => [i]);
  const groupOf = Int32Array.from({ length: count }, (_, i) => i);
  for (const p of [...pairs].filter(isSameData).sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)) {
    const ga = groupOf[p.a]!;
    const gb = groupOf[p.b]!;
    if (ga === gb) continue;
    const A = members[ga]!;
    const B = members[gb]!;
    let sum = 0;
    for (const x of A) for (const y of B) sum += scores.get(key(x, y)) ?? 0;
    if (sum / (A.length * B.length) < SAME_DATA_SCORE) continue;
    for (const y of B) groupOf[y] = ga;
    A.push(...B);
    members[gb] = [];
  }
  return members
    .filter((g) => g.length > 1)
    .map((g) => [...g].sort((x, y) => x - y))
    .sort((x, y) => y.length - x.length || x[0]! - y[0]!);
}
