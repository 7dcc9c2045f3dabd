// Burden score 0–100 (goalposts frozen on a baseline period), ranks with ties,
// quintile bands and Monte Carlo rank uncertainty (domain.md §4).
import { BURDEN_KINDS, type BurdenKind } from "./burdenKinds";
import { seededRandom } from "./random";

export type Weights = Record<BurdenKind, number>;
export const EQUAL_WEIGHTS: Weights = Object.fromEntries(BURDEN_KINDS.map((k) => [k, 1])) as Weights;

export type Normalisation = "goalposts" | "minmax" | "percentileRank";

/** Per-village rates of one unit, by kind. */
export type Rates = Record<BurdenKind, number>;

/** Linear-interpolation percentile (type 7), p in [0, 1]. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The transformed indicator: x' = log1p(rate). */
export const transform = (rate: number) => Math.log1p(rate);

/** Lowest upper goalpost, log1p(1): statistics.md §7 — a goalpost of 0 must not map every positive rate to 100. */
export const GOALPOST_FLOOR = Math.log1p(1);

export interface Goalposts {
  high: Record<BurdenKind, number>;
  /** Baseline x' of every peer, by kind (for min-max and percentile rank). */
  baseline: Record<BurdenKind, number[]>;
}

/** Goalposts from peers' baseline rates: low 0, high the `p` percentile of x'. */
export function goalposts(baselineRates: readonly Rates[], p = 0.95): Goalposts {
  const high = {} as Record<BurdenKind, number>;
  const baseline = {} as Record<BurdenKind, number[]>;
  for (const kind of BURDEN_KINDS) {
    baseline[kind] = baselineRates.map((r) => transform(r[kind]));
    high[kind] = percentile(baseline[kind], p);
  }
  return { high, baseline };
}

/** One kind's score in [0, 100]; higher means heavier burden. */
export function kindScore(
  rate: number,
  kind: BurdenKind,
  posts: Goalposts,
  method: Normalisation = "goalposts",
): number {
  const x = transform(rate);
  const base = posts.baseline[kind];
  switch (method) {
    case "goalposts": {
      // Nobody had this burden in the baseline (goalpost 0): one a village, not any trace, is the top.
      return clamp01(x / Math.max(posts.high[kind], GOALPOST_FLOOR)) * 100;
    }
    case "minmax": {
      const min = Math.min(...base);
      const max = Math.max(...base);
      return clamp01((x - min) / Math.max(max - min, GOALPOST_FLOOR)) * 100;
    }
    case "percentileRank":
      return base.length ? (100 * base.filter((b) => b <= x).length) / base.length : 0;
  }
}

export interface ScoreBreakdown {
  score: number;
  kinds: { kind: BurdenKind; rate: number; score: number; weight: number; contribution: number }[];
}

/** Weighted arithmetic mean of kind scores; each kind's contribution adds up to the score. */
export function compositeScore(
  rates: Rates,
  posts: Goalposts,
  weights: Weights = EQUAL_WEIGHTS,
  method: Normalisation = "goalposts",
): ScoreBreakdown {
  const total = BURDEN_KINDS.reduce((s, k) => s + Math.max(0, weights[k]), 0) || 1;
  const kinds = BURDEN_KINDS.map((kind) => {
    const score = kindScore(rates[kind], kind, posts, method);
    const weight = Math.max(0, weights[kind]);
    return { kind, rate: rates[kind], score, weight, contribution: (weight * score) / total };
  });
  return { score: kinds.reduce((s, k) => s + k.contribution, 0), kinds };
}

/** Competition ranks ("1, 2, 2, 4"), rank 1 for the lowest value (lightest burden). */
export function competitionRanks(values: readonly number[], epsilon = 1e-9): number[] {
  return values.map((v) => 1 + values.filter((o) => o < v - epsilon).length);
}

/** Quintile band 1 (lightest fifth) to 5 (heaviest) among peers; ties share a band. */
export function quintileBands(values: readonly number[], epsilon = 1e-9): number[] {
  const n = values.length;
  return values.map((v) => Math.min(5, 1 + Math.floor((5 * values.filter((o) => o < v - epsilon).length) / n)));
}

/**
 * Band 1 (0–20, lightest) to 5 (80–100, heaviest) from the score itself, not from
 * position among peers: a band then reads the same as the score beside it, equal
 * scores always share a band, and a county at 88.7 is never "lightest" because
 * its peers happen to be heavier still.
 */
export function scoreBand(score: number): number {
  if (!Number.isFinite(score)) return 1;
  return Math.min(5, Math.max(1, 1 + Math.floor((score + 1e-9) / 20)));
}

export interface RankInterval {
  median: number;
  p5: number;
  p95: number;
}

/**
 * Rank uncertainty (OECD/JRC practice): each replicate perturbs weights by
 * ×(1 + U(−0.25, 0.25)), picks the 95th or 99th percentile goalpost and one of
 * goalposts / min-max / percentile-rank normalisation, and ranks the peers again.
 */
export function monteCarloRanks(
  rates: readonly Rates[],
  baselineRates: readonly Rates[],
  weights: Weights = EQUAL_WEIGHTS,
  options: { replicates?: number; seed?: number } = {},
): RankInterval[] {
  const replicates = options.replicates ?? 1000;
  const random = seededRandom(options.seed ?? 20240601);
  const posts = [goalposts(baselineRates, 0.95), goalposts(baselineRates, 0.99)];
  const methods: Normalisation[] = ["goalposts", "minmax", "percentileRank"];
  // A kind's score does not depend on the weights, only on the goalposts and the method drawn: the
  // six combinations are scored once instead of in every replicate (statistics.md §7 is unchanged;
  // each replicate's sums run in compositeScore's order, so the ranks are the same to the last bit).
  const kindScores = posts.map((p) =>
    methods.map((method) => rates.map((rate) => BURDEN_KINDS.map((kind) => kindScore(rate[kind], kind, p, method)))),
  );
  const peers = rates.length;
  const ranks = rates.map(() => new Float64Array(replicates));
  const scores = new Float64Array(peers);
  const drawn = new Float64Array(BURDEN_KINDS.length);
  for (let r = 0; r < replicates; r += 1) {
    BURDEN_KINDS.forEach((kind, k) => {
      drawn[k] = Math.max(0, weights[kind] * (1 + (random() * 0.5 - 0.25)));
    });
    const chosen = kindScores[random() < 0.5 ? 0 : 1]![Math.floor(random() * methods.length)]!;
    let total = 0;
    for (let k = 0; k < drawn.length; k += 1) total += drawn[k]!;
    total ||= 1;
    for (let i = 0; i < peers; i += 1) {
      const own = chosen[i]!;
      let score = 0;
      for (let k = 0; k < drawn.length; k += 1) score += (drawn[k]! * own[k]!) / total;
      scores[i] = score;
    }
    for (let i = 0; i < peers; i += 1) {
      let lower = 0;
      for (let j = 0; j < peers; j += 1) if (scores[j]! < scores[i]! - 1e-9) lower += 1;
      ranks[i]![r] = 1 + lower;
    }
  }
  // Interval bounds are whole ranks, rounded outward (statistics.md §7).
  return ranks.map((list) => {
    const sorted = list.sort();
    return {
      median: sortedPercentile(sorted, 0.5),
      p5: Math.floor(sortedPercentile(sorted, 0.05)),
      p95: Math.ceil(sortedPercentile(sorted, 0.95)),
    };
  });
}

/** percentile() of values already sorted ascending, without copying them. */
function sortedPercentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
