import { describe, expect, it } from "vitest";
import {
  DEFAULT_MINUTES_CONFIG,
  periodsBetween,
  periodsEnding,
  previousPeriod,
  propagate,
  regionMetrics,
  villagesReached,
  type AggregateRow,
} from "./metrics";

const row = (regionCode: string, kind: string, values: Partial<AggregateRow>): AggregateRow => ({
  regionCode,
  period: 202611,
  kind,
  units: 0,
  violationUnits: 0,
  dedicatedPostUnits: 0,
  records: 0,
  directUnits: 0,
  directViolationUnits: 0,
  directPostUnits: 0,
  ...values,
});

describe("scope propagation and per-village rates", () => {
  // A township T with 4 villages. One form sent to the county (2 fillings),
  // one to T (1 filling, a violation), one to village V1 (3 fillings).
  // Each of T's villages carries 2 (county) + 1 (township); V1 also 3: Σ = 4×3 + 3 = 15.
  it("adds demands scoped above the region once per village below it", () => {
    const ownOfT = row("220103002", "FORM", {
      units: 1 * 4 + 3 * 1,
      violationUnits: 4,
      directUnits: 1,
      directViolationUnits: 1,
    });
    const county = row("220103", "FORM", { directUnits: 2 });
    const totals = propagate(ownOfT, [county], 4);
    expect(totals).toEqual({ units: 15, violationUnits: 4, postUnits: 0 });
    const metrics = regionMetrics([ownOfT], [county], 4, DEFAULT_MINUTES_CONFIG);
    const form = metrics.kinds.find((k) => k.kind === "FORM")!;
    expect(form.perVillage).toBe(3.75);
    expect(form.violationRate).toBeCloseTo(4 / 15, 10);
    expect(form.hours).toBe(15); // 15 fillings × 60 minutes
    expect(form.hoursPerVillage).toBe(3.75);
  });

  it("prices dedicated posts at their own standard minutes", () => {
    const own = row("220103", "MECHANISM", { units: 10, dedicatedPostUnits: 4 });
    const metrics = regionMetrics([own], [], 5, DEFAULT_MINUTES_CONFIG);
    const mechanism = metrics.kinds.find((k) => k.kind === "MECHANISM")!;
    expect(mechanism.hours).toBe((6 * 240 + 4 * 960) / 60);
    expect(metrics.hoursPerVillage).toBe(mechanism.hours / 5);
  });

  it("counts villages reached once when scopes nest", () => {
    expect(
      villagesReached([
        { code: "220103", villages: 173 },
        { code: "220103002", villages: 8 },
        { code: "220104001", villages: 6 },
        { code: "220104001", villages: 6 },
      ]),
    ).toBe(179);
  });

  it("steps through months across a year end", () => {
    expect(previousPeriod(202601)).toBe(202512);
    expect(periodsEnding(202602, 4)).toEqual([202511, 202512, 202601, 202602]);
    expect(periodsBetween(202511, 202602)).toEqual([202511, 202512, 202601, 202602]);
    expect(periodsBetween(202606, 202606)).toEqual([202606]);
    expect(periodsBetween(202607, 202606)).toEqual([]);
  });
});
