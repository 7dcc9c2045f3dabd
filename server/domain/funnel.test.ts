import { describe, expect, it } from "vitest";
import { axisCeiling, funnelDispersion, funnelModel, poissonLimit } from "./funnel";

describe("funnel plot limits", () => {
  it("a single village with one certificate against a mean of 0.05 is not an outlier (exact P(X ≥ 1) = 0.049)", () => {
    const units = [{ villages: 1, count: 1 }, ...Array.from({ length: 19 }, () => ({ villages: 1, count: 0 }))];
    const model = funnelModel(units);
    expect(model.target).toBeCloseTo(0.05, 10);
    expect(model.classify({ villages: 1, count: 1 })).toBeNull();
    expect(model.classify({ villages: 1, count: 3 })).toBe("above99");
    expect(model.method).toContain("精确泊松");
  });

  it("interpolated Poisson limits grow with the probability", () => {
    expect(poissonLimit(4, 0.975)).toBeGreaterThan(poissonLimit(4, 0.5));
    expect(poissonLimit(4, 0.999)).toBeGreaterThan(poissonLimit(4, 0.975));
    expect(poissonLimit(4, 0.001)).toBeLessThan(poissonLimit(4, 0.025) + 1e-12);
  });

  it("estimates over-dispersion from winsorised z-scores and widens county limits by it", () => {
    // County-wide demands move every village at once: rates far more spread than Poisson.
    const counties = [120, 80, 200, 150, 90, 300, 110, 60].map((n, i) => ({
      villages: n,
      count: n * [2, 5, 3, 8, 4, 6, 3, 7][i]!,
    }));
    const phi = funnelDispersion(
      counties,
      counties.reduce((s, c) => s + c.count, 0) / counties.reduce((s, c) => s + c.villages, 0),
    );
    expect(phi).toBeGreaterThan(10);
    const model = funnelModel(counties);
    const plain = funnelModel(
      counties.map((c) => ({ villages: c.villages, count: Math.round(c.villages * model.target) })),
    );
    expect(model.limits(150).upper998 - model.target).toBeGreaterThan(3 * (plain.limits(150).upper998 - plain.target));
    expect(counties.filter((c) => model.classify(c) === "above99").length).toBeLessThanOrEqual(1);
    expect(model.method).toContain("φ =");
  });

  it("ends the axis on a round number at or above the largest unit, where the limit lines end too", () => {
    expect(axisCeiling(530)).toBe(600);
    expect(axisCeiling(600)).toBe(600);
    expect(axisCeiling(601)).toBe(800);
    expect(axisCeiling(14.3)).toBe(15);
    expect(axisCeiling(1.1)).toBe(1.5);
    expect(axisCeiling(0)).toBe(1);
  });
});
