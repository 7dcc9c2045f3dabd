import { describe, expect, it } from "vitest";
import {
  cusumLimit,
  cusumReference,
  cusumRunLength,
  cusumSeries,
  MIN_ALARM_COUNT,
  panelMoments,
  riseSeries,
} from "../../domain/surveillance";
import { runBacktest, FULL_BACKTEST } from "./backtest";

describe("statistical rules and their backtest", () => {
  it("never fire before six months of data; a tripling after a steady year does", () => {
    expect(riseSeries([20, 21, 19, 60, 80]).some((m) => m.alarm)).toBe(false);
    expect(riseSeries([20, 21, 19, 60, 80]).at(-1)!.status).toBe("INSUFFICIENT_HISTORY");
    const steady = [0, 0, 0, 20, 18, 22, 19, 21, 20, 23, 17, 20, 21, 19, 20];
    expect(riseSeries([...steady, 60]).at(-1)!.alarm).toBe(true);
    // Months before the first record are not history: they do not make a zero baseline.
    expect(riseSeries([0, 0, 0, 0, 0, 0, 0, 0, 20]).at(-1)!.status).toBe("INSUFFICIENT_HISTORY");
  });

  it("a county's dispersion is pooled with its siblings': a tripling after eight skewed months fires", () => {
    // 双阳区 in the demo: one high first month makes its own φ̂ 1.8 and its 90 % bound over 5, hiding 81 against 32.
    const surge = [48, 34, 32, 31, 27, 26, 34, 23, 81];
    const siblings = [
      [34, 21, 32, 28, 19, 26, 25, 17, 24],
      [27, 28, 26, 30, 17, 19, 24, 16, 34],
      [34, 28, 26, 24, 33, 22, 27, 18, 23],
      [38, 30, 36, 34, 32, 28, 24, 26, 19],
      [69, 66, 67, 65, 73, 79, 48, 68, 72],
      [80, 65, 80, 75, 79, 66, 65, 67, 64],
      [32, 30, 35, 21, 30, 32, 20, 30, 26],
      [79, 62, 87, 86, 71, 56, 66, 53, 84],
    ];
    const panel = panelMoments([surge, ...siblings]);
    expect(riseSeries(surge, { panel }).at(-1)!.alarm).toBe(true);
    expect(riseSeries(surge, { panel }).at(-1)!.dispersion).toBeLessThan(2.5);
    // Siblings that are all bursty keep it quiet: the prior is their dispersion, not a constant.
    const bursty = siblings.map((s) => s.map((y, i) => (i % 3 === 0 ? 3 * y : Math.round(y / 2))));
    expect(riseSeries(surge, { panel: panelMoments([surge, ...bursty]) }).at(-1)!.alarm).toBe(false);
  });

  it("never fires on fewer than three records, however quiet the baseline", () => {
    const quiet = [1, ...Array.from({ length: 24 }, () => 0)];
    expect(MIN_ALARM_COUNT).toBe(3);
    const two = riseSeries([...quiet, 2]).at(-1)!;
    expect(two.score).toBeGreaterThan(3); // p < 0.001 on the tail alone
    expect(two.alarm).toBe(false);
    expect(riseSeries([...quiet, 3]).at(-1)!.alarm).toBe(true);
  });

  it("the CUSUM accumulates across months, alarms on a sustained rise and restarts after the alarm", () => {
    const steady = [20, 18, 22, 19, 21, 20, 23, 17, 20, 21];
    const months = cusumSeries([...steady, 36, 36, 36, 36, 36, 36]);
    const firstAlarm = months.findIndex((m) => m.alarm);
    expect(firstAlarm).toBeGreaterThanOrEqual(10);
    expect(months[firstAlarm + 1]!.statistic).toBeLessThan(1.5 * months[firstAlarm]!.statistic); // restarted from 0, not doubled
    const creeping = cusumSeries([...steady, 32, 32, 32]);
    expect(creeping[10]!.statistic).toBeGreaterThan(0);
    expect(creeping[11]!.statistic).toBeGreaterThan(creeping[10]!.statistic);
    expect(creeping[12]!.statistic).toBeGreaterThan(creeping[11]!.statistic);
  });

  it("chooses h for an in-control run length of at least ARL0 months", () => {
    for (const lambda of [0.3, 2, 15]) {
      const h = cusumLimit(lambda, 100);
      expect(cusumRunLength(lambda, cusumReference(lambda), h)).toBeGreaterThanOrEqual(95);
      expect(cusumRunLength(lambda, cusumReference(lambda), h * 0.5)).toBeLessThan(100);
    }
  });

  it("a small backtest: Poisson counts of 20 a month, false alarms near nominal, a doubling found", () => {
    const [row] = runBacktest({
      ...FULL_BACKTEST,
      series: 400,
      dispersions: [1],
      histories: [12],
      means: [20],
      ratios: [2],
    });
    expect(row!.testedMonths).toBe(400 * 12);
    expect(row!.power.ORACLE["2"]![1]!).toBeGreaterThan(0.8);
    expect(row!.falseAlarmRate.ANY).toBeLessThan(0.005);
    expect(row!.power.ANY["2"]![2]!).toBeGreaterThan(0.6);
    expect(row!.power.ANY["2"]![2]!).toBeGreaterThanOrEqual(row!.power.ANY["2"]![0]!);
  });

  it("where a doubling is within the noise (NB φ = 4, mean 20) even the oracle that knows mean and φ misses it", () => {
    const [row] = runBacktest({
      ...FULL_BACKTEST,
      series: 300,
      dispersions: [4],
      histories: [12],
      means: [20],
      ratios: [2],
    });
    expect(row!.power.ORACLE["2"]![1]!).toBeLessThan(0.6);
    expect(row!.power.ANY["2"]![1]!).toBeLessThan(row!.power.ORACLE["2"]![1]! + 0.1);
  });
});
