import { describe, expect, it } from "vitest";
import { BURDEN_KINDS } from "./burdenKinds";
import {
  competitionRanks,
  compositeScore,
  EQUAL_WEIGHTS,
  goalposts,
  kindScore,
  monteCarloRanks,
  percentile,
  quintileBands,
  scoreBand,
  type Rates,
} from "./scoring";

const rates = (form: number, others = 0): Rates =>
  Object.fromEntries(BURDEN_KINDS.map((k) => [k, k === "FORM" ? form : others])) as Rates;

describe("burden score", () => {
  it("interpolates percentiles", () => {
    expect(percentile([1, 2, 3, 4, 5], 0.95)).toBeCloseTo(4.8, 10);
    expect(percentile([7], 0.95)).toBe(7);
  });

  // Peers' baseline FORM rates e−1 and e²−1 give x' = 1 and 2; P95 of [1, 2] = 1.95.
  it("scores one kind against frozen goalposts, clamped to 0–100", () => {
    const posts = goalposts([rates(Math.E - 1), rates(Math.E ** 2 - 1)]);
    expect(posts.high.FORM).toBeCloseTo(1.95, 10);
    expect(kindScore(Math.E - 1, "FORM", posts)).toBeCloseTo((1 / 1.95) * 100, 8);
    expect(kindScore(100, "FORM", posts)).toBe(100);
    expect(kindScore(0, "FORM", posts)).toBe(0);
    // A kind with no burden in the baseline: the goalpost is floored at one a village, not "any burden is 100".
    expect(kindScore(0, "TASK", posts)).toBe(0);
    expect(kindScore(0.5, "TASK", posts)).toBeCloseTo((Math.log1p(0.5) / Math.log1p(1)) * 100, 8);
    expect(kindScore(1, "TASK", posts)).toBe(100);
  });

  it("min-max and percentile-rank normalisation", () => {
    const posts = goalposts([rates(0), rates(Math.E - 1), rates(Math.E ** 2 - 1)]);
    expect(kindScore(Math.E - 1, "FORM", posts, "minmax")).toBeCloseTo(50, 8);
    expect(kindScore(Math.E - 1, "FORM", posts, "percentileRank")).toBeCloseTo(200 / 3, 8);
  });

  it("averages kinds with weights; contributions add up to the score", () => {
    const posts = goalposts([rates(Math.E - 1, Math.E - 1), rates(Math.E ** 2 - 1, Math.E ** 2 - 1)]);
    const breakdown = compositeScore(rates(Math.E ** 2 - 1, 0), posts, { ...EQUAL_WEIGHTS, FORM: 2 });
    // FORM scores 100 (above the goalpost) with weight 2 of 10; every other kind 0.
    expect(breakdown.score).toBeCloseTo(20, 10);
    expect(breakdown.kinds.find((k) => k.kind === "FORM")!.contribution).toBeCloseTo(20, 10);
    expect(breakdown.kinds.reduce((s, k) => s + k.contribution, 0)).toBeCloseTo(breakdown.score, 10);
  });

  it("ranks with ties (1, 2, 2, 4) and bands by quintile", () => {
    expect(competitionRanks([10, 30, 30, 50])).toEqual([1, 2, 2, 4]);
    expect(quintileBands([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintileBands([5, 5, 5])).toEqual([1, 1, 1]);
  });

  it("bands by the score itself: equal scores share a band, a high score is never a light band", () => {
    expect([0, 19.99, 20, 39.9, 40, 59.9, 60, 79.9, 80, 100].map(scoreBand)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scoreBand(88.7)).toBe(5);
    expect(scoreBand(-1)).toBe(1);
    expect(scoreBand(120)).toBe(5);
    // 19.9999999999 is 20 within rounding: the same band as 20.
    expect(scoreBand(20 - 1e-12)).toBe(scoreBand(20));
  });

  it("gives repeatable rank intervals with a fixed seed, wide where units are close", () => {
    const baseline = [rates(1, 1), rates(2, 2), rates(3, 3), rates(4, 4)];
    const now = [rates(0.5, 0.5), rates(2.0, 2.1), rates(2.1, 2.0), rates(9, 9)];
    const a = monteCarloRanks(now, baseline, EQUAL_WEIGHTS, { replicates: 400, seed: 7 });
    const b = monteCarloRanks(now, baseline, EQUAL_WEIGHTS, { replicates: 400, seed: 7 });
    expect(a).toEqual(b);
    expect(a[0]).toEqual({ median: 1, p5: 1, p95: 1 });
    expect(a[3]!.median).toBe(4);
    expect(a[1]!.p5).toBeLessThanOrEqual(2);
    expect(a[1]!.p95).toBeGreaterThanOrEqual(3);
  });
});
