import { describe, expect, it } from "vitest";
import { CUSUM_LIMITS_ARL0 } from "./cusumLimitTable";
import { CUSUM_ARL0, CUSUM_GRID, CUSUM_GRID_RANGE, cusumGridLimit, cusumLimit, limitFor } from "./cusumLimits";

describe("the CUSUM limits computed ahead", () => {
  it("cover every grid point of the default ARL₀", () => {
    expect(CUSUM_LIMITS_ARL0).toHaveLength(CUSUM_GRID_RANGE.to - CUSUM_GRID_RANGE.from + 1);
  });

  // A sample across the range (the whole table takes ~10 s): small, typical and large baselines.
  it.each([-30, -7, 0, 6, 13, 21, 30, 38])("equal the limit computed now at grid point %i", (i) => {
    expect(CUSUM_LIMITS_ARL0[i - CUSUM_GRID_RANGE.from]).toBeCloseTo(limitFor(10 ** (i / CUSUM_GRID), CUSUM_ARL0), 9);
  });

  it("are what cusumLimit answers for the default ARL₀ (the larger neighbour)", () => {
    const lambda = 10 ** 4.05; // between grid points 40 and 41: a county's month of 11,000 new demands
    const h = cusumLimit(lambda);
    expect(h).toBe(
      Math.max(CUSUM_LIMITS_ARL0[40 - CUSUM_GRID_RANGE.from]!, CUSUM_LIMITS_ARL0[41 - CUSUM_GRID_RANGE.from]!),
    );
  });

  it("are still computed for another ARL₀", () => {
    expect(cusumGridLimit(0, 100)).toBeCloseTo(limitFor(1, 100), 9);
    expect(cusumGridLimit(0, 100)).toBeLessThan(cusumGridLimit(0));
  });
});
