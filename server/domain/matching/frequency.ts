import { ancestorCodesOf } from "../regions";

// Frequencies are judged by counting the demands actually made (domain.md §2),
// and a demand's own frequency text ("每周") is read, not ignored.

const PER_YEAR: [RegExp, number][] = [
  [/每(?:个)?(?:工作)?日|每天|日报|天天/, 365],
  [/每(?:两|2)周|双周/, 26],
  [/每周|周报|每星期|每礼拜/, 52],
  [/每旬|旬报/, 36],
  [/每半月|半月报/, 24],
  [/每(?:两|2)(?:个)?月/, 6],
  [/每(?:个)?月|月报|按月|逐月/, 12],
  [/每(?:个)?季度?|季报|按季/, 4],
  [/每半年|半年报/, 2],
  [/每年|年报|按年|一年一次/, 1],
];

/** Fillings a year a frequency text demands, or null when it says none (临时, 一次性…). */
export function fillingsPerYearOf(text: unknown): number | null {
  if (typeof text !== "string") return null;
  const value = text.normalize("NFKC");
  const times = /每(?:年|季度?|月|周)\s*(\d{1,3})\s*次/.exec(value);
  for (const [pattern, perYear] of PER_YEAR) {
    if (!pattern.test(value)) continue;
    return times ? perYear * Number(times[1]) : perYear;
  }
  return null;
}

export interface Demand {
  id: string;
  occurredOn: Date;
  createdAt?: Date;
}

/**
 * Ordinal of each demand in its year (1 = first), ordered by date, then by
 * entry: the one past the allowance and every later one are the violations.
 */
export function demandOrdinals(demands: readonly Demand[]): Map<string, number> {
  const sorted = [...demands].sort(
    (a, b) =>
      a.occurredOn.getTime() - b.occurredOn.getTime() ||
      (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return new Map(sorted.map((d, i) => [d.id, i + 1]));
}

/**
 * Ordinal of each demand among those that reach its scope (its own and those to
 * the scopes above it), by date then entry: per scope a sorted list of ranks,
 * so a county-wide group of a hundred thousand demands costs n log n.
 */
export function reachingOrdinals(demands: readonly (Demand & { scopeRegionCode: string })[]): Map<string, number> {
  const rank = demandOrdinals(demands);
  const ranksByScope = new Map<string, number[]>();
  for (const d of demands) {
    const list = ranksByScope.get(d.scopeRegionCode);
    if (list) list.push(rank.get(d.id)!);
    else ranksByScope.set(d.scopeRegionCode, [rank.get(d.id)!]);
  }
  for (const list of ranksByScope.values()) list.sort((a, b) => a - b);
  const atOrBefore = (list: number[] | undefined, r: number) => {
    if (!list) return 0;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! <= r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out = new Map<string, number>();
  for (const d of demands) {
    const r = rank.get(d.id)!;
    const scopes = [...ancestorCodesOf(d.scopeRegionCode), d.scopeRegionCode];
    out.set(
      d.id,
      scopes.reduce((sum, s) => sum + atOrBefore(ranksByScope.get(s), r), 0),
    );
  }
  return out;
}
