// Limits of the Poisson CUSUM (statistics.md §4): the reference k for a shift to
// CUSUM_SHIFT × λ₀ and the limit h giving an in-control run length of ARL₀,
// by the Markov-chain approximation of Brook & Evans (1972).
import { CUSUM_LIMITS_ARL0 } from "./cusumLimitTable";

/**
 * In-control average run length of the CUSUM in months. 1/ARL₀ is its false-alarm
 * rate per month; 740 makes that the rise test's 0.135 %, so the two rules can be
 * read on one scale (statistics.md suggests 100, which would be 1 % per county-month).
 */
export const CUSUM_ARL0 = 740;
/** The CUSUM is tuned to detect a doubling of the baseline mean. */
export const CUSUM_SHIFT = 2;

export const cusumReference = (lambda0: number) => (lambda0 * (CUSUM_SHIFT - 1)) / Math.log(CUSUM_SHIFT);

/** Average run length from S = 0 of a Poisson(λ) CUSUM with reference k and limit h (discretised Markov chain). */
export function cusumRunLength(lambda: number, k: number, h: number, states = 60): number {
  const delta = h / states;
  const maxY = Math.ceil(h + k) + 1;
  const pmf: number[] = [];
  let logP = -lambda;
  for (let y = 0; y <= maxY; y += 1) {
    if (y > 0) logP += Math.log(lambda) - Math.log(y);
    pmf.push(Math.exp(logP));
  }
  // (I − R) L = 1 over the transient states; solved by Gaussian elimination.
  const a = Array.from({ length: states }, (_, i) => {
    const row = new Float64Array(states + 1);
    row[i] = 1;
    row[states] = 1;
    for (let y = 0; y <= maxY; y += 1) {
      const next = i * delta + y - k;
      if (next >= h) break;
      const j = next <= 0 ? 0 : Math.min(states - 1, Math.round(next / delta));
      row[j]! -= pmf[y]!;
    }
    return row;
  });
  for (let c = 0; c < states; c += 1) {
    let pivot = c;
    for (let r = c + 1; r < states; r += 1) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const p = a[c]!;
    for (let r = c + 1; r < states; r += 1) {
      const f = a[r]![c]! / p[c]!;
      if (f === 0) continue;
      for (let j = c; j <= states; j += 1) a[r]![j]! -= f * p[j]!;
    }
  }
  const l = new Float64Array(states);
  for (let r = states - 1; r >= 0; r -= 1) {
    let v = a[r]![states]!;
    for (let j = r + 1; j < states; j += 1) v -= a[r]![j]! * l[j]!;
    l[r] = v / a[r]![r]!;
  }
  return l[0]!;
}

/** The limit h giving an in-control run length of at least `arl0` for a Poisson(λ) baseline (bisection on h). */
export function limitFor(lambda: number, arl0: number): number {
  const k = cusumReference(lambda);
  // Where a step past the limit is rarer than 1e-12 the linear system is singular in
  // floating point: the run length is effectively infinite.
  const runLength = (h: number) => {
    const arl = cusumRunLength(lambda, k, h);
    return Number.isFinite(arl) && arl > 0 ? arl : Infinity;
  };
  let lo = 0;
  let hi = Math.max(1, k);
  while (runLength(hi) < arl0) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 30 && hi - lo > 1e-3 * hi; i += 1) {
    const mid = (lo + hi) / 2;
    if (runLength(mid) >= arl0) hi = mid;
    else lo = mid;
  }
  return hi;
}

// h is tabulated on a log grid of λ₀ (ten points a decade) and the larger
// neighbour is used, so the run length is never shorter than ARL₀ by interpolation.
// The default ARL₀'s column is computed ahead (cusumLimitTable.ts): a county's month of
// thousands of new demands took a second of one thread to tabulate on first use, a
// stall of every request the server had.
const limitTable = new Map<string, number>();
export const CUSUM_GRID = 10;
export const CUSUM_GRID_RANGE = { from: -3 * CUSUM_GRID, to: 5 * CUSUM_GRID } as const;

/** The grid index whose λ₀ is 10^(i / CUSUM_GRID). */
export function cusumGridLimit(i: number, arl0 = CUSUM_ARL0): number {
  if (arl0 === CUSUM_ARL0) {
    const ahead = CUSUM_LIMITS_ARL0[i - CUSUM_GRID_RANGE.from];
    if (ahead !== undefined) return ahead;
  }
  const key = `${arl0}|${i}`;
  let h = limitTable.get(key);
  if (h === undefined) {
    h = limitFor(10 ** (i / CUSUM_GRID), arl0);
    limitTable.set(key, h);
  }
  return h;
}

export function cusumLimit(lambda0: number, arl0 = CUSUM_ARL0): number {
  const x = Math.log10(Math.min(1e5, Math.max(1e-3, lambda0))) * CUSUM_GRID;
  return Math.max(cusumGridLimit(Math.floor(x), arl0), cusumGridLimit(Math.ceil(x), arl0));
}
