import { describe, expect, it } from "vitest";
import { cusumLimit, cusumReference, cusumRunLength, cusumSeries, riseSeries } from "../../domain/surveillance";
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
    expect(row!.falseAlarmRate.ANY).toBeLessThan(0.005);
    expect(row!.power.ANY["2"]![2]!).toBeGreaterThan(0.6);
    expect(row!.power.ANY["2"]![2]!).toBeGreaterThanOrEqual(row!.power.ANY["2"]![0]!);
  });
});
