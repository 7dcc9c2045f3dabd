// Funnel plot limits (Spiegelhalter 2005; statistics.md §6): exact Poisson
// limits where the expected count is small, a multiplicative over-dispersion
// factor φ from winsorised z-scores where it is not.
import { logPoissonUpperTail } from "./tails";

export const Z95 = 1.95996;
export const Z998 = 3.09023;
/** Below this expected count the normal approximation is poor: use exact Poisson limits. */
export const EXACT_BELOW = 10;

export interface FunnelUnit {
  villages: number;
  /** Observed count (village-units). */
  count: number;
}

function percentileOf(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.ceil(h)] ?? sorted[lo]!) - sorted[lo]!);
}

/** φ̂ = Σ zᵢ² / I over z-scores winsorised at their 10th and 90th percentiles, floored at 1. */
export function funnelDispersion(units: FunnelUnit[], target: number): number {
  const usable = units.filter((u) => u.villages > 0);
  if (target <= 0 || usable.length < 3) return 1;
  const z = usable.map((u) => (u.count / u.villages - target) / Math.sqrt(target / u.villages));
  const sorted = [...z].sort((a, b) => a - b);
  const lo = percentileOf(sorted, 0.1);
  const hi = percentileOf(sorted, 0.9);
  const phi = z.reduce((s, v) => s + Math.min(hi, Math.max(lo, v)) ** 2, 0) / z.length;
  return Math.max(1, phi);
}

const lowerTail = (k: number, mean: number) => (k < 0 ? 0 : 1 - Math.exp(logPoissonUpperTail(k + 1, mean)));

/** The p-quantile of Poisson(mean) with Spiegelhalter's interpolation (appendix A.1.1), as a count. */
export function poissonLimit(mean: number, p: number): number {
  let r = 0;
  while (lowerTail(r, mean) < p) r += 1;
  const at = lowerTail(r, mean);
  const below = lowerTail(r - 1, mean);
  const alpha = at > below ? (at - p) / (at - below) : 0;
  return Math.max(0, r - alpha);
}

export type Outside = "above99" | "above95" | "below95" | "below99" | null;

export interface FunnelModel {
  target: number;
  dispersion: number;
  limits(villages: number): { lower95: number; upper95: number; lower998: number; upper998: number };
  classify(unit: FunnelUnit): Outside;
  /** One sentence for under the chart. */
  method: string;
}

export function funnelModel(units: FunnelUnit[]): FunnelModel {
  const usable = units.filter((u) => u.villages > 0);
  const villages = usable.reduce((n, u) => n + u.villages, 0);
  const target = villages > 0 ? usable.reduce((n, u) => n + u.count, 0) / villages : 0;
  const phi = funnelDispersion(usable, target);
  const exact = (n: number) => n * target < EXACT_BELOW;
  const normal = (n: number, z: number) => z * Math.sqrt((phi * target) / n);
  return {
    target,
    dispersion: phi,
    limits(n) {
      if (exact(n))
        return {
          lower95: poissonLimit(n * target, 0.025) / n,
          upper95: poissonLimit(n * target, 0.975) / n,
          lower998: poissonLimit(n * target, 0.001) / n,
          upper998: poissonLimit(n * target, 0.999) / n,
        };
      return {
        lower95: Math.max(0, target - normal(n, Z95)),
        upper95: target + normal(n, Z95),
        lower998: Math.max(0, target - normal(n, Z998)),
        upper998: target + normal(n, Z998),
      };
    },
    classify({ villages: n, count }) {
      if (n <= 0 || target <= 0) return null;
      if (exact(n)) {
        const up = count > 0 ? Math.exp(logPoissonUpperTail(Math.ceil(count), n * target)) : 1;
        const down = lowerTail(Math.floor(count), n * target);
        return up < 0.001
          ? "above99"
          : up < 0.025
            ? "above95"
            : down < 0.001
              ? "below99"
              : down < 0.025
                ? "below95"
                : null;
      }
      const z = (count / n - target) / Math.sqrt((phi * target) / n);
      return z > Z998 ? "above99" : z > Z95 ? "above95" : z < -Z998 ? "below99" : z < -Z95 ? "below95" : null;
    },
    method:
      `控制限：期望数小于${EXACT_BELOW}时用精确泊松分位数（Spiegelhalter 插值），其余用正态近似；` +
      (phi > 1
        ? `按过度离散调整（Spiegelhalter 2005，缩尾 z 值估计乘性离散系数 φ = ${phi.toFixed(2)}）。`
        : `未见过度离散（φ = 1）。`),
  };
}

/**
 * The round number a chart's axis ends on at or above `x` (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ):
 * the limit lines are drawn up to it, so they span the whole axis instead of stopping short of its last tick.
 */
export function axisCeiling(x: number): number {
  if (!(x > 0)) return 1;
  const step = 10 ** Math.floor(Math.log10(x));
  const m = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((f) => f * step >= x * (1 - 1e-12))!;
  return Number((m * step).toPrecision(12));
}
