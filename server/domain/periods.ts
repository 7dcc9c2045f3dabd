// Month arithmetic shared by the write path and the browser (kept free of heavier
// domain imports so that client components can use it).

/** Users work on Beijing time (UTC+8, no daylight saving): "this month" is theirs. */
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** The month (yyyymm) a date falls in; record dates are stored as UTC calendar days. */
export function periodOf(date: Date): number {
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1;
}

/** The month it is now for users in China. */
export function currentPeriod(now: Date = new Date()): number {
  return periodOf(new Date(now.getTime() + BEIJING_OFFSET_MS));
}

/** The latest month that is not in the future: dashboards open on it. */
export function latestPastPeriod(periods: readonly number[], now: Date = new Date()): number | undefined {
  const current = currentPeriod(now);
  return periods
    .filter((p) => p <= current)
    .reduce<number | undefined>((best, p) => (best === undefined || p > best ? p : best), undefined);
}

const monthName = (p: number) => `${Math.floor(p / 100)}年${p % 100}月`;

/**
 * An alert episode's months as a phone card heads them: the latest month first, because the summary beside it
 * describes that month, and the start after it so the reader sees how long it has lasted
 * ("2026年5月（3月起）"; the year is repeated only when the episode crossed one).
 */
export function episodeSpan(first: number, last: number): string {
  if (last <= first) return monthName(first);
  const sameYear = Math.floor(first / 100) === Math.floor(last / 100);
  return `${monthName(last)}（${sameYear ? `${first % 100}月` : monthName(first)}起）`;
}
