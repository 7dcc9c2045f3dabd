// The backtest of the statistical rules (statistics.md §8): synthetic monthly
// series through the very functions the server evaluates with (riseSeries,
// cusumSeries, then the lifecycle `transition` with the default thresholds).
import { transition, type MachineState, type RuleThresholds } from "../../domain/alerts";
import { DEFAULT_RULES } from "../../domain/defaultRules";
import { gammaDraw, poisson as knuthPoisson, seededRandom } from "../../domain/random";
import { cusumSeries, panelMoments, riseSeries, type SeriesOptions } from "../../domain/surveillance";
import { logGamma } from "../../domain/tails";

export const BACKTEST_RULES = ["STAT_RISE", "STAT_CUSUM"] as const;
export type BacktestRule = (typeof BACKTEST_RULES)[number];

export interface BacktestOptions {
  series: number;
  seed: number;
  dispersions: number[];
  histories: number[];
  means: number[];
  ratios: number[];
  /** In-control months monitored after the history, for the false-alarm rate. */
  monitoredMonths: number;
}

export const FULL_BACKTEST: BacktestOptions = {
  series: 10_005,
  seed: 20_261_129,
  dispersions: [1, 2, 4],
  histories: [0, 3, 6, 9, 12, 18, 24],
  means: [1, 5, 20, 100],
  ratios: [1.5, 2, 3],
  monitoredMonths: 12,
};

/** Series judged together, as the counties of one prefecture are (长春市 has 15). */
export const PREFECTURE_SIZE = 15;

export interface BacktestRow {
  dispersion: number;
  history: number;
  mean: number;
  /** Per rule, and ANY = either statistical rule. */
  falseAlarmRate: Record<BacktestRule | "ANY", number>;
  testedMonths: number;
  /**
   * power[rule][ratio][d − 1]: share of series with an open episode within d months of the step.
   * ORACLE is either rule with the true in-control mean and dispersion known: the most any
   * test at this false-alarm rate can find.
   */
  power: Record<BacktestRule | "ANY" | "ORACLE", Record<string, number[]>>;
}

// ─── Sampling ────────────────────────────────────────────────────────────

/** Poisson draw: inversion for small means (domain/random.ts), Hörmann's PTRS above 10. */
function poisson(random: () => number, lambda: number): number {
  if (lambda < 10) return knuthPoisson(random, lambda);
  const slam = Math.sqrt(lambda);
  const logLam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLam - logGamma(k + 1))
      return k;
  }
}

/** A count with this mean and variance φ·mean: Poisson at φ = 1, gamma–Poisson mixture above. */
export function drawCount(random: () => number, mean: number, dispersion: number): number {
  if (dispersion <= 1) return poisson(random, mean);
  const scale = dispersion - 1;
  return poisson(random, gammaDraw(random, mean / scale) * scale);
}

// ─── Rules as the server runs them ───────────────────────────────────────

const thresholds = (ruleKey: BacktestRule): RuleThresholds => {
  const spec = DEFAULT_RULES.find((r) => r.ruleKey === ruleKey)!;
  return {
    enterThreshold: spec.enterThreshold,
    exitThreshold: spec.exitThreshold,
    pendingPeriods: spec.pendingPeriods,
    recoveryPeriods: 1,
  };
};

/** Per month: whether an episode opened, whether one is open, whether the rule could judge the month. */
export function episodesOf(ruleKey: BacktestRule, counts: readonly number[], options: SeriesOptions = {}) {
  const rule = thresholds(ruleKey);
  const months =
    ruleKey === "STAT_RISE"
      ? riseSeries(counts, { ...options, alpha: 10 ** -rule.enterThreshold }).map((m) => ({
          status: m.status,
          value: m.score,
        }))
      : cusumSeries(counts, options).map((m) => ({ status: m.status, value: m.value }));
  let state: MachineState | null = null;
  let breaches = 0;
  let below = 0;
  return months.map((m) => {
    below = m.value <= rule.exitThreshold ? below + 1 : 0;
    const step = transition(state, m.value, breaches, rule, below);
    breaches = m.value > rule.enterThreshold ? breaches + 1 : 0;
    state = step.state;
    return { tested: m.status === "TESTED", opened: step.events.includes("FIRING"), open: state === "FIRING" };
  });
}

// ─── The backtest ────────────────────────────────────────────────────────

const KEYS = [...BACKTEST_RULES, "ANY", "ORACLE"] as const;
type PowerKey = (typeof KEYS)[number];

/**
 * One prefecture of `PREFECTURE_SIZE` series sharing mean and dispersion, judged
 * together as the server judges sibling counties: false alarms over the
 * in-control months, and for each series a step at month `history`.
 */
function runPrefecture(
  options: BacktestOptions,
  random: () => number,
  dispersion: number,
  history: number,
  mean: number,
  size: number,
  tally: { alarms: Record<BacktestRule | "ANY", number>; tested: number; detected: BacktestRow["power"] },
) {
  const pasts = Array.from({ length: size }, () =>
    Array.from({ length: history }, () => drawCount(random, mean, dispersion)),
  );
  const controls = pasts.map((past) => [
    ...past,
    ...Array.from({ length: options.monitoredMonths }, () => drawCount(random, mean, dispersion)),
  ]);
  const panel = panelMoments(controls);
  const known = { mean, dispersion };
  for (const [i, control] of controls.entries()) {
    const rise = episodesOf("STAT_RISE", control, { panel });
    const cusum = episodesOf("STAT_CUSUM", control, { panel });
    for (let t = history; t < control.length; t += 1) {
      if (!rise[t]!.tested) continue;
      tally.tested += 1;
      if (rise[t]!.opened) tally.alarms.STAT_RISE += 1;
      if (cusum[t]!.opened) tally.alarms.STAT_CUSUM += 1;
      if (rise[t]!.opened || cusum[t]!.opened) tally.alarms.ANY += 1;
    }
    // A step to ratio × mean at month `history`: detected when an episode is open within d months.
    // The siblings stay in control: the panel's moments are those of the in-control prefecture.
    for (const ratio of options.ratios) {
      const stepped = [...pasts[i]!, ...Array.from({ length: 3 }, () => drawCount(random, mean * ratio, dispersion))];
      const r = episodesOf("STAT_RISE", stepped, { panel });
      const c = episodesOf("STAT_CUSUM", stepped, { panel });
      const ro = episodesOf("STAT_RISE", stepped, { known });
      const co = episodesOf("STAT_CUSUM", stepped, { known });
      const open = (key: PowerKey, t: number) =>
        key === "STAT_RISE"
          ? r[t]!.open
          : key === "STAT_CUSUM"
            ? c[t]!.open
            : key === "ANY"
              ? r[t]!.open || c[t]!.open
              : ro[t]!.open || co[t]!.open;
      for (const key of KEYS) {
        let seen = false;
        for (let d = 0; d < 3; d += 1) {
          seen ||= open(key, history + d);
          if (seen) tally.detected[key][String(ratio)]![d]! += 1;
        }
      }
    }
  }
}

export function runBacktest(options: BacktestOptions, onRow?: (row: BacktestRow) => void): BacktestRow[] {
  const rows: BacktestRow[] = [];
  for (const dispersion of options.dispersions)
    for (const history of options.histories)
      for (const mean of options.means) {
        const random = seededRandom(options.seed + dispersion * 1_000_003 + history * 10_007 + mean * 101);
        const tally = {
          alarms: { STAT_RISE: 0, STAT_CUSUM: 0, ANY: 0 },
          tested: 0,
          detected: Object.fromEntries(
            KEYS.map((k) => [k, Object.fromEntries(options.ratios.map((r) => [String(r), [0, 0, 0]]))]),
          ) as BacktestRow["power"],
        };
        for (let s = 0; s < options.series; s += PREFECTURE_SIZE)
          runPrefecture(
            options,
            random,
            dispersion,
            history,
            mean,
            Math.min(PREFECTURE_SIZE, options.series - s),
            tally,
          );
        const { alarms, tested, detected } = tally;
        const row: BacktestRow = {
          dispersion,
          history,
          mean,
          testedMonths: tested,
          falseAlarmRate: {
            STAT_RISE: tested ? alarms.STAT_RISE / tested : 0,
            STAT_CUSUM: tested ? alarms.STAT_CUSUM / tested : 0,
            ANY: tested ? alarms.ANY / tested : 0,
          },
          power: Object.fromEntries(
            KEYS.map((k) => [
              k,
              Object.fromEntries(
                options.ratios.map((r) => [String(r), detected[k][String(r)]!.map((n) => n / options.series)]),
              ),
            ]),
          ) as BacktestRow["power"],
        };
        rows.push(row);
        onRow?.(row);
      }
  return rows;
}

export const NOMINAL_FALSE_ALARM = 0.00135;

/** The targets of issue 12: false alarms ≤ 2× nominal everywhere; a doubling at mean ≥ 10 with ≥ 12 months found within 2 months in ≥ 80 %. */
export function targetsOf(rows: BacktestRow[]) {
  const falseAlarmMisses = rows.flatMap((r) =>
    BACKTEST_RULES.filter((k) => r.falseAlarmRate[k] > 2 * NOMINAL_FALSE_ALARM).map((k) => ({
      rule: k,
      dispersion: r.dispersion,
      history: r.history,
      mean: r.mean,
      rate: r.falseAlarmRate[k],
    })),
  );
  const powerRows = rows.filter((r) => r.mean >= 10 && r.history >= 12);
  const powerMisses = powerRows
    .filter((r) => (r.power.ANY["2"]?.[1] ?? 0) < 0.8)
    .map((r) => ({
      dispersion: r.dispersion,
      history: r.history,
      mean: r.mean,
      power: r.power.ANY["2"]![1]!,
      oracle: r.power.ORACLE["2"]![1]!,
    }));
  // Where the oracle (true mean and φ known) misses 80 % too, no test at this false-alarm rate reaches it.
  const reachableMisses = powerMisses.filter((m) => m.oracle >= 0.8);
  return { falseAlarmMisses, powerMisses, reachableMisses };
}
