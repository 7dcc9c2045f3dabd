// The statistical rules over one region's monthly record counts (domain.md §5,
// statistics.md §1–§4). Pure and shared: the server evaluates a region through
// these functions and `npm run alerts:backtest` runs exactly the same ones.
import { CUSUM_ARL0, cusumLimit, cusumReference } from "./cusumLimits";
import { logGammaP, logNegBinUpperTail, surpriseOf } from "./tails";

export { CUSUM_ARL0, CUSUM_SHIFT, cusumLimit, cusumReference, cusumRunLength } from "./cusumLimits";

/** A statistical rule stays silent (历史数据不足) before this many months of data. */
export const MIN_HISTORY_MONTHS = 6;
/** The baseline uses at most the last two years, so a county's slow drift is followed. */
export const BASELINE_WINDOW = 24;
/** One-sided tail of the rise test: the three-sigma equivalent. */
export const RISE_ALPHA = 0.00135;
/** φ is replaced by its one-sided upper confidence bound at this level (see `predictive`). */
export const DISPERSION_CONFIDENCE = 0.75;
/**
 * The siblings' pooled dispersion counts as at most this many degrees of freedom
 * beside the region's own months, so a county that really is burstier than its
 * siblings still moves its own φ (two years of its own months weigh half as much).
 */
export const PRIOR_DF_CAP = 48;
/**
 * The rise test never fires on fewer records than this: one or two new demands in a
 * county-month is nothing an inspector can act on, and where a baseline is nearly
 * all zeros the tail of so few records depends on a mean estimated from a handful
 * of records more than on the month itself.
 */
export const MIN_ALARM_COUNT = 3;

export interface Baseline {
  months: number;
  mean: number;
  /** Pearson quasi-Poisson dispersion φ̂ = Σ(y − ȳ)²/ȳ/(n − 1), floored at 1. */
  dispersion: number;
}

/**
 * Σ(y − ȳ)²/ȳ and n − 1 over the baselines of all regions judged together in one
 * month (a prefecture's counties): the pooled dispersion prior of statistics.md §1.
 */
export interface PanelMoments {
  pearson: number;
  df: number;
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
 * estimated mean (1 + 1/n). φ̂ from a few skewed months of one county is far too
 * uncertain, so it is pooled with its siblings' (empirical Bayes: their Pearson
 * sums, up to PRIOR_DF_CAP degrees of freedom) and the excess over 1 is replaced
 * by the upper confidence bound φ·df / χ²_df(1 − DISPERSION_CONFIDENCE).
 */
export function predictive(b: Baseline, prior?: PanelMoments | null): { mean: number; dispersion: number } {
  const n = Math.max(1, b.months);
  const mean = (b.mean * n + 0.5) / n;
  const ownDf = Math.max(0, n - 1);
  const priorDf = prior && prior.df > 0 ? Math.min(prior.df, PRIOR_DF_CAP) : 0;
  const priorPhi = priorDf > 0 ? Math.max(1, prior!.pearson / prior!.df) : 1;
  const phi = ownDf + priorDf > 0 ? (ownDf * b.dispersion + priorDf * priorPhi) / (ownDf + priorDf) : b.dispersion;
  const df = Math.max(1, ownDf + priorDf);
  const upper = phi > 1 ? (phi * df) / chiSquareQuantile(1 - DISPERSION_CONFIDENCE, df) : 1;
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
  /** The dispersion the month was judged with (pooled, bounded, with the mean's uncertainty). */
  dispersion: number;
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
  dispersion: number;
  /** The statistic before any reset, in units of the baseline's dispersion-scaled counts. */
  statistic: number;
  reference: number;
  limit: number;
  /** statistic / limit: ≥ 1 is an alarm. */
  value: number;
  alarm: boolean;
}

export interface SeriesOptions {
  alpha?: number;
  /** Per month of the series, the pooled moments of the panel it is judged in (see `panelMoments`). */
  panel?: readonly (PanelMoments | null)[];
  /** The backtest's oracle: the true in-control mean and dispersion instead of estimates. */
  known?: { mean: number; dispersion: number };
}

/**
 * Months eligible for the baseline of month t: from the data start (earlier
 * zeros are months before reporting began), not alarmed (a long rise must not
 * teach the baseline to expect it), the last BASELINE_WINDOW of them. Kept
 * incrementally so a series costs O(length).
 */
class BaselineWindow {
  private values: number[] = [];
  private sum = 0;
  private sumSq = 0;
  started = false;
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
    return { months: n, mean, dispersion: Math.max(1, this.pearson() / (n - 1)) };
  }
  /** Σ(y − ȳ)²/ȳ and its degrees of freedom, unfloored, for the panel's pooled φ. */
  moments(): PanelMoments {
    const n = this.values.length;
    const mean = n ? this.sum / n : 0;
    return n < 2 || mean <= 0 ? { pearson: 0, df: 0 } : { pearson: this.pearson(), df: n - 1 };
  }
  private pearson() {
    const n = this.values.length;
    const mean = this.sum / n;
    return Math.max(0, this.sumSq - n * mean * mean) / mean;
  }
  get size() {
    return this.values.length;
  }
}

/** The panel's moments without this region's own, so its months are not counted twice. */
function othersOf(panel: PanelMoments | null | undefined, own: PanelMoments): PanelMoments | null {
  if (!panel) return null;
  return { pearson: Math.max(0, panel.pearson - own.pearson), df: Math.max(0, panel.df - own.df) };
}

/** One region's rise test, a month at a time (shared by `riseSeries` and `panelMoments`). */
class RiseTracker {
  readonly window = new BaselineWindow();
  private readonly threshold: number;
  constructor(private readonly options: SeriesOptions) {
    this.threshold = -Math.log(options.alpha ?? RISE_ALPHA);
  }
  judge(count: number, panel: PanelMoments | null | undefined): RiseMonth {
    const quiet = { count, baseline: null, dispersion: 1, logP: 0, score: 0, alarm: false };
    if (!this.window.started && count <= 0) return { status: "NO_DATA", ...quiet };
    this.window.started = true;
    if (this.window.size < MIN_HISTORY_MONTHS) {
      this.window.push(count);
      return { status: "INSUFFICIENT_HISTORY", ...quiet };
    }
    const baseline = this.window.baseline();
    const { mean, dispersion } = this.options.known ?? predictive(baseline, othersOf(panel, this.window.moments()));
    const logP = count > mean ? logNegBinUpperTail(count, mean, dispersion) : 0;
    const alarm = -logP > this.threshold && count >= MIN_ALARM_COUNT;
    if (!alarm) this.window.push(count);
    return { status: "TESTED", count, baseline, dispersion, logP, score: surpriseOf(logP), alarm };
  }
}

/** The rise test for every month of a series (oldest first); month t is judged against months before it. */
export function riseSeries(counts: readonly number[], options: SeriesOptions = {}): RiseMonth[] {
  const tracker = new RiseTracker(options);
  return counts.map((count, t) => tracker.judge(count, options.panel?.[t]));
}

/**
 * The pooled moments each month of a panel of series (the sibling regions judged
 * together, equal lengths, oldest first) is judged with: the sums over every
 * series' rise baseline before that month, alarmed months left out, so a
 * county's surge does not inflate its siblings' dispersion.
 */
export function panelMoments(panel: readonly (readonly number[])[], alpha = RISE_ALPHA): PanelMoments[] {
  const trackers = panel.map(() => new RiseTracker({ alpha }));
  const length = Math.max(0, ...panel.map((s) => s.length));
  const out: PanelMoments[] = [];
  for (let t = 0; t < length; t += 1) {
    const sum = { pearson: 0, df: 0 };
    for (const tracker of trackers) {
      const m = tracker.window.moments();
      sum.pearson += m.pearson;
      sum.df += m.df;
    }
    out.push(sum);
    for (const [i, tracker] of trackers.entries()) tracker.judge(panel[i]![t] ?? 0, sum);
  }
  return out;
}

/**
 * Poisson CUSUM (Lucas 1985) over the whole series, accumulated from the
 * start of monitoring and reset to 0 after an alarm. Counts and mean are
 * divided by the predictive dispersion (quasi-Poisson scaling); the reference
 * k = (λ₁ − λ₀)/ln(λ₁/λ₀) for λ₁ = 2λ₀ and the limit h gives an in-control
 * run length of CUSUM_ARL0 months for the month's λ₀ (Markov chain, Brook & Evans).
 */
export function cusumSeries(counts: readonly number[], options: SeriesOptions = {}): CusumMonth[] {
  const window = new BaselineWindow();
  const arl0 = CUSUM_ARL0;
  let s = 0;
  return counts.map((count, t) => {
    const quiet = { count, baseline: null, dispersion: 1, statistic: 0, reference: 0, limit: 0, value: 0 };
    if (!window.started && count <= 0) return { status: "NO_DATA", ...quiet, alarm: false };
    window.started = true;
    if (window.size < MIN_HISTORY_MONTHS) {
      window.push(count);
      return { status: "INSUFFICIENT_HISTORY", ...quiet, alarm: false };
    }
    const baseline = window.baseline();
    const { mean, dispersion } = options.known ?? predictive(baseline, othersOf(options.panel?.[t], window.moments()));
    const lambda0 = mean / dispersion;
    const reference = cusumReference(lambda0);
    const limit = cusumLimit(lambda0, arl0);
    s = Math.max(0, s + count / dispersion - reference);
    const statistic = s;
    const alarm = s > limit;
    if (alarm) s = 0;
    else window.push(count);
    const value = statistic / limit;
    return { status: "TESTED", count, baseline, dispersion, statistic, reference, limit, value, alarm };
  });
}
