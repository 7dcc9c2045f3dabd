import { describe, expect, it } from "vitest";
import { formatPValue, logNegBinUpperTail, logPoissonUpperTail, poissonUpperTail } from "./tails";

const logFactorial = (n: number) => {
  let s = 0;
  for (let i = 2; i <= n; i += 1) s += Math.log(i);
  return s;
};
/** Brute force: 1 − Σ_{i<k} pmf, fine where the tail is not tiny. */
const poissonBrute = (k: number, mean: number) => {
  let cdf = 0;
  for (let i = 0; i < k; i += 1) cdf += Math.exp(i * Math.log(mean) - mean - logFactorial(i));
  return 1 - cdf;
};
const negBinBrute = (k: number, mean: number, phi: number) => {
  const r = mean / (phi - 1);
  const p = 1 / phi;
  let cdf = 0;
  let logPmf = r * Math.log(p);
  for (let i = 0; i < k; i += 1) {
    if (i > 0) logPmf += Math.log((i - 1 + r) / i) + Math.log(1 - p);
    cdf += Math.exp(logPmf);
  }
  return 1 - cdf;
};

describe("tail probabilities in log space", () => {
  it("matches the check values of statistics.md where 1 − CDF gives 0", () => {
    expect(poissonUpperTail(100, 17) / 5.9e-43).toBeCloseTo(1, 1);
    expect(Math.exp(logPoissonUpperTail(118, 7.17)) / 1.5e-97).toBeCloseTo(1, 1);
  });

  it("matches brute-force sums for small cases", () => {
    for (const mean of [0.05, 1, 4.5, 17, 60])
      for (const k of [1, 2, 5, 10, 25, 40]) {
        const brute = poissonBrute(k, mean);
        if (brute > 1e-9) expect(poissonUpperTail(k, mean)).toBeCloseTo(brute, 9);
      }
    for (const [mean, phi] of [
      [1, 2],
      [5, 4],
      [20, 2],
      [20, 4],
      [100, 1.5],
    ] as const)
      for (const k of [1, 3, 10, 30, 60]) {
        const brute = negBinBrute(k, mean, phi);
        if (brute > 1e-9) expect(Math.exp(logNegBinUpperTail(k, mean, phi))).toBeCloseTo(brute, 9);
      }
  });

  it("is monotone in k and the negative binomial has the heavier tail", () => {
    let previous = 0;
    for (let k = 1; k <= 400; k += 1) {
      const log = logPoissonUpperTail(k, 17);
      expect(log).toBeLessThan(previous);
      expect(Number.isFinite(log)).toBe(true);
      previous = log;
      if (k > 25) expect(logNegBinUpperTail(k, 17, 3)).toBeGreaterThan(log);
    }
  });

  it("shows tiny p-values as < 1e-10", () => {
    expect(formatPValue(logPoissonUpperTail(100, 17))).toBe("< 1e-10");
    expect(formatPValue(Math.log(0.0004))).toBe("4.0e-4");
    expect(formatPValue(Math.log(0.25))).toBe("0.2500");
  });
});
