// The statistical rules over one region's monthly record counts (domain.md §5,
// statistics.md §1–§4). Pure and shared: the server evaluates a region through
// these functions and `npm run alerts:backtest` runs exactly the same ones.
import { logGammaP, logNegBinUpperTail, surpriseOf } from "./tails";

/** A statistical rule stays silent (历史数据不足) before this many months of data. */
export const MIN_HISTORY_MONTHS = 6;
/** The baseline uses at most the last two years, so a county's slow drift is followed. */
export const BASELINE_WINDOW = 24;
/** One-sided tail of the rise test: the three-sigma equivalent. */
export const RISE_ALPHA = 0.00135;
/**
 * In-control average run length of the CUSUM in months. 1/ARL₀ is its false-alarm
 * rate per month; 740 makes that the rise test's 0.135 %, so the two rules can be
 * read on one scale (statistics.md suggests 100, which would be 1 % per county-month).
 */
export const CUSUM_ARL0 = 740;
/** φ̂ is replaced by its one-sided upper confidence bound at this level (see `predictive`). */
export const DISPERSION_CONFIDENCE = 0.9;
/** The CUSUM is tuned to detect a doubling of the baseline mean. */
export const CUSUM_SHIFT = 2;

export interface Baseline {
  months: number;
  mean: number;
  /** Pearson quasi-Poisson dispersion φ̂ = Σ(y − ȳ)²/ȳ/(n − 1), floored at 1. */
  dispersion: number;
}

export function baselineOf(counts: readonly number[]): Baseline {
  const n = counts.length;
  const mean = n ? counts.reduce((s, y) => s + y, 0) / n : 0;
  if (n < 2 || mean <= 0) return { months: n, mean, dispersion: 1 };
  const pearson = counts.reduce((s, y) => s + (y - mean) ** 2, 0) / mean / (n - 1);
  return { months: n, mean, dispersion: Math.max(1, pearson) };
}

/**
 * The distribution a new month is judged against. The mean is shrunk off zero
 * (half a record over the baseline, so a quiet region is not "infinitely"
 * surprised by one record); the variance grows by the uncertainty of the
 * estimated mean (1 + 1/n); and because φ̂ from a few skewed months is usually
 * too small, its excess over 1 is replaced by the upper confidence bound
 * (n − 1)·φ̂ / χ²_{n−1}(1 − DISPERSION_CONFIDENCE) — a Poisson history stays near 1.
 */
export function predictive(b: Baseline): { mean: number; dispersion: number } {
  const n = Math.max(1, b.months);
  const mean = (b.mean * n + 0.5) / n;
  const df = Math.max(1, n - 1);
  const upper = b.dispersion > 1 ? (b.dispersion * df) / chiSquareQuantile(1 - DISPERSION_CONFIDENCE, df) : 1;
  return { mean, dispersion: Math.max(1, upper) * (1 + 1 / n) };
}

const chiSquareCache = new Map<string, number>();

/** The q-quantile of χ² with df degrees of freedom (bisection on the regularised gamma). */
export function chiSquareQuantile(q: number, df: number): number {
  const key = `${q}|${df}`;
  const cached = chiSquareCache.get(key);
  if (cached !== undefined) return cached;
  let lo = 0;
  let hi = df + 20 * Math.sqrt(2 * df) + 20;
  for (let i = 0; i < 100; i += 1) {
    const mid = (lo + hi) / 2;
    if (Math.exp(logGammaP(df / 2, mid / 2)) < q) lo = mid;
    else hi = mid;
  }
  chiSquareCache.set(key, (lo + hi) / 2);
  return (lo + hi) / 2;
}

export type MonthStatus = "NO_DATA" | "INSUFFICIENT_HISTORY" | "TESTED";

export interface RiseMonth {
  status: MonthStatus;
  count: number;
  baseline: Baseline | null;
  /** ln of the tail probability P(Y ≥ count); 0 when not tested. */
  logP: number;
  /** −log10 p: the value the rule's thresholds apply to. */
  score: number;
  alarm: boolean;
}

export interface CusumMonth {
  status: MonthStatus;
  count: number;
  baseline: Baseline | null;
  /** The statistic before any reset, in units of the baseline's dispersion-scaled counts. */
  statistic: number;
  reference: number;
  limit: number;
  /** statistic / limit: ≥ 1 is an alarm. */
  value: number;
  alarm: boolean;
}

/** The index of a series' first month with data: earlier zeros are months before reporting began. */
const dataStart = (counts: readonly number[]) => {
  const i = counts.findIndex((c) => c > 0);
  return i < 0 ? counts.length : i;
};

/**
 * Months eligible for the baseline of month t: from the data start, not
 * alarmed (a long rise must not teach the baseline to expect it), the last
 * BASELINE_WINDOW of them. Kept incrementally so a series costs O(length).
 */
class BaselineWindow {
  private values: number[] = [];
  private sum = 0;
  private sumSq = 0;
  push(y: number) {
    this.values.push(y);
    this.sum += y;
    this.sumSq += y * y;
    if (this.values.length > BASELINE_WINDOW) {
      const old = this.values.shift()!;
      this.sum -= old;
      this.sumSq -= old * old;
    }
  }
  baseline(): Baseline {
    const n = this.values.length;
    const mean = n ? this.sum / n : 0;
    if (n < 2 || mean <= 0) return { months: n, mean, dispersion: 1 };
    const ss = Math.max(0, this.sumSq - n * mean * mean);
    return { months: n, mean, dispersion: Math.max(1, ss / mean / (n - 1)) };
  }
  get size() {
    return this.values.length;
  }
}

/** The rise test for every month of a series (oldest first); month t is judged against months before it. */
export function riseSeries(counts: readonly number[], alpha = RISE_ALPHA): RiseMonth[] {
  const start = dataStart(counts);
  const window = new BaselineWindow();
  const threshold = -Math.log(alpha);
  return counts.map((count, t) => {
    if (t < start) return { status: "NO_DATA", count, baseline: null, logP: 0, score: 0, alarm: false };
    if (window.size < MIN_HISTORY_MONTHS) {
      window.push(count);
      return { status: "INSUFFICIENT_HISTORY", count, baseline: null, logP: 0, score: 0, alarm: false };
    }
    const baseline = window.baseline();
    const { mean, dispersion } = predictive(baseline);
    const logP = count > mean ? logNegBinUpperTail(count, mean, dispersion) : 0;
    const alarm = -logP > threshold;
    if (!alarm) window.push(count);
    return { status: "TESTED", count, baseline, logP, score: surpriseOf(logP), alarm };
  });
}

/**
 * Poisson CUSUM (Lucas 1985) over the whole series, accumulated from the
 * start of monitoring and reset to 0 after an alarm. Counts and mean are
 * divided by the predictive dispersion (quasi-Poisson scaling); the reference
 * k = (λ₁ − λ₀)/ln(λ₁/λ₀) for λ₁ = 2λ₀ and the limit h gives an in-control
 * run length of CUSUM_ARL0 months for the month's λ₀ (Markov chain, Brook & Evans).
 */
export function cusumSeries(counts: readonly number[], arl0 = CUSUM_ARL0): CusumMonth[] {
  const start = dataStart(counts);
  const window = new BaselineWindow();
  let s = 0;
  return counts.map((count, t) => {
    const quiet = { count, baseline: null, statistic: 0, reference: 0, limit: 0, value: 0, alarm: false };
    if (t < start) return { status: "NO_DATA", ...quiet };
    if (window.size < MIN_HISTORY_MONTHS) {
      window.push(count);
      return { status: "INSUFFICIENT_HISTORY", ...quiet };
    }
    const baseline = window.baseline();
    const { mean, dispersion } = predictive(baseline);
    const lambda0 = mean / dispersion;
    const reference = cusumReference(lambda0);
    const limit = cusumLimit(lambda0, arl0);
    s = Math.max(0, s + count / dispersion - reference);
    const statistic = s;
    const alarm = s > limit;
    if (alarm) s = 0;
    else window.push(count);
    return { status: "TESTED", count, baseline, statistic, reference, limit, value: statistic / limit, alarm };
  });
}

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

function limitFor(lambda: number, arl0: number): number {
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
const limitTable = new Map<string, number>();
const GRID = 10;

export function cusumLimit(lambda0: number, arl0 = CUSUM_ARL0): number {
  const x = Math.log10(Math.min(1e5, Math.max(1e-3, lambda0))) * GRID;
  const at = (i: number) => {
    const key = `${arl0}|${i}`;
    let h = limitTable.get(key);
    if (h === undefined) limitTable.set(key, (h = limitFor(10 ** (i / GRID), arl0)));
    return h;
  };
  return Math.max(at(Math.floor(x)), at(Math.ceil(x)));
}
