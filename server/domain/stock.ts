// Lasting burdens (domain.md §2 "Events and stock"): a work group, mechanism or
// signboard burdens villages every month from its start until it is dissolved
// or taken down; the other kinds are events of one month.
import type { BurdenKind } from "./burdenKinds";

export const STOCK_KINDS: readonly BurdenKind[] = ["WORK_GROUP", "MECHANISM", "SIGNBOARD"];

export function isStockKind(kind: string): boolean {
  return (STOCK_KINDS as readonly string[]).includes(kind);
}

function periodOf(date: Date): number {
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1;
}

export function nextPeriod(period: number): number {
  const month = period % 100;
  return month === 12 ? (Math.floor(period / 100) + 1) * 100 + 1 : period + 1;
}

/** The first month a burden ended on `endedOn` no longer counts in: it still burdened the month it ended in. */
export function endPeriodOf(endedOn: Date): number {
  return nextPeriod(periodOf(endedOn));
}

/** Whether a lasting burden started in `start` and ending before `endPeriod` (null: still active) counts in `period`. */
export function isActiveIn(period: number, start: number, endPeriod: number | null): boolean {
  return start <= period && (endPeriod === null || period < endPeriod);
}

/**
 * Stock aggregates are stored as start (+) and end (−) deltas; the value in a
 * month is the sum of the deltas up to it. `rows` must be sorted by period.
 */
export function prefixSums<T extends { regionCode: string; kind: string; period: number }>(
  rows: readonly T[],
  periods: readonly number[],
  columns: readonly (keyof T)[],
): T[] {
  const sorted = [...periods].sort((a, b) => a - b);
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = `${row.regionCode}|${row.kind}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const out: T[] = [];
  for (const list of groups.values()) {
    const running = Object.fromEntries(columns.map((c) => [c, 0])) as Record<keyof T, number>;
    let i = 0;
    for (const period of sorted) {
      while (i < list.length && list[i]!.period <= period) {
        for (const c of columns) running[c] += Number(list[i]![c]);
        i += 1;
      }
      if (columns.some((c) => Math.abs(running[c]) > 1e-9)) out.push(Object.assign({}, list[0]!, running, { period }));
    }
  }
  return out;
}
