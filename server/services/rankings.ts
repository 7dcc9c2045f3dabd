import { axisCeiling, funnelModel, type Outside } from "../domain/funnel";
import type { Db } from "../db/client";
import type { BurdenKind } from "../domain/burdenKinds";
import type { RegionMetrics } from "../domain/metrics";
import { ancestorCodesOf } from "../domain/regions";
import {
  competitionRanks,
  compositeScore,
  goalposts,
  monteCarloRanks,
  percentile,
  scoreBand,
  type ScoreBreakdown,
} from "../domain/scoring";
import {
  childrenInfo,
  metricsFor,
  previousPeriod,
  ratesOf,
  regionInfo,
  scoreSettingsFor,
  type RegionInfo,
  type ScoreSettings,
} from "./metrics";
import { DASHBOARD_STALE_MS, sharedRead } from "./sharedRead";

export interface PeerStanding {
  code: string;
  name: string;
  villages: number;
  score: number;
  breakdown: ScoreBreakdown["kinds"];
  previousScore: number;
  previousBreakdown: ScoreBreakdown["kinds"];
  /** Rank 1 is the lightest burden; null for village-level units, which are never ranked. */
  rank: number | null;
  previousRank: number | null;
  interval: { median: number; p5: number; p95: number } | null;
  band: number;
  hoursPerVillage: number;
  violationRate: number;
  metrics: RegionMetrics;
}

export interface PeerScores {
  parent: RegionInfo;
  period: number;
  previousPeriod: number;
  settings: ScoreSettings;
  ranked: boolean;
  peers: PeerStanding[];
}

/**
 * Scores of the children of `parentCode` for a period, ranked among themselves. Shared by everyone asking
 * for the same league at once, and under load answered from the last computation while the next runs
 * (see sharedRead) unless `fresh` (a caller that keeps the answer itself, as 总览 does, must not stack
 * two limits of staleness); callers must not change it.
 */
export function peerScores(
  db: Db,
  parentCode: string,
  period: number,
  options: { replicates?: number; seed?: number; fresh?: boolean } = {},
): Promise<PeerScores> {
  const key = `peers|${parentCode}|${period}|${options.replicates ?? ""}|${options.seed ?? ""}`;
  return sharedRead(db, key, () => computePeerScores(db, parentCode, period, options), {
    staleMs: options.fresh ? undefined : DASHBOARD_STALE_MS,
  });
}

async function computePeerScores(
  db: Db,
  parentCode: string,
  period: number,
  options: { replicates?: number; seed?: number },
): Promise<PeerScores> {
  const parent = await regionInfo(db, parentCode);
  const peers = await childrenInfo(db, parentCode);
  const settings = await scoreSettingsFor(db, parentCode);
  const previous = previousPeriod(period);
  const periods = [...new Set([period, previous, settings.baselinePeriod])];
  const metrics = await metricsFor(db, peers, [...ancestorCodesOf(parentCode), parentCode], periods, settings.minutes);
  const rates = (p: number) => peers.map((peer) => ratesOf(metrics.get(peer.code)?.get(p)));
  const posts = goalposts(rates(settings.baselinePeriod));
  const now = rates(period).map((r) => compositeScore(r, posts, settings.weights));
  const beforeScores = rates(previous).map((r) => compositeScore(r, posts, settings.weights));
  const before = beforeScores.map((s) => s.score);
  const ranked = parent.level < 4; // children of a township are villages: bands only
  const ranks = competitionRanks(now.map((s) => s.score));
  const previousRanks = competitionRanks(before);
  const bands = now.map((s) => scoreBand(s.score));
  const intervals =
    ranked && peers.length > 1 && (options.replicates ?? 1000) > 0
      ? monteCarloRanks(rates(period), rates(settings.baselinePeriod), settings.weights, options)
      : null;
  const standings = peers.map((peer, i): PeerStanding => {
    const m = metrics.get(peer.code)!.get(period)!;
    return {
      code: peer.code,
      name: peer.name,
      villages: peer.villages,
      score: now[i]!.score,
      breakdown: now[i]!.kinds,
      previousScore: before[i]!,
      previousBreakdown: beforeScores[i]!.kinds,
      rank: ranked ? ranks[i]! : null,
      previousRank: ranked ? previousRanks[i]! : null,
      interval: intervals?.[i] ?? null,
      band: bands[i]!,
      hoursPerVillage: m.hoursPerVillage,
      violationRate: m.violationRate,
      metrics: m,
    };
  });
  standings.sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));
  return { parent, period, previousPeriod: previous, settings, ranked, peers: standings };
}

export interface FunnelPlot {
  kind: BurdenKind | "ALL";
  target: number;
  /** Over-dispersion factor φ̂ used for the limits (1 = none). */
  dispersion: number;
  /** How the limits were drawn, for under the chart. */
  method: string;
  points: { code: string; name: string; villages: number; rate: number; outside: Outside }[];
  limits: { villages: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
}

/**
 * Per-village rate against the number of villages, with 95 % and 99.8 % limits
 * around the pooled rate: exact Poisson where expected counts are small,
 * adjusted for over-dispersion elsewhere (domain/funnel.ts).
 */
export function funnelPlot(standings: PeerStanding[], kind: BurdenKind | "ALL"): FunnelPlot {
  const unitsOf = (s: PeerStanding) =>
    kind === "ALL" ? s.metrics.units : s.metrics.kinds.find((k) => k.kind === kind)!.units;
  const withVillages = standings.filter((s) => s.villages > 0);
  const model = funnelModel(withVillages.map((s) => ({ villages: s.villages, count: unitsOf(s) })));
  const points = withVillages.map((s) => ({
    code: s.code,
    name: s.name,
    villages: s.villages,
    rate: unitsOf(s) / s.villages,
    outside: model.classify({ villages: s.villages, count: unitsOf(s) }),
  }));
  // The lines run to the axis' last tick (the chart ends its axis there), not to 110 % of the largest unit.
  const axisEnd = axisCeiling(Math.max(1, ...withVillages.map((s) => s.villages)) * 1.05);
  const limits = [
    ...new Set(Array.from({ length: 40 }, (_, i) => Math.max(1, Math.round(1 + ((axisEnd - 1) * i) / 39)))),
  ].map((n) => ({ villages: n, ...model.limits(n) }));
  return { kind, target: model.target, dispersion: model.dispersion, method: model.method, points, limits };
}

/** Median score of the peers in each period, and the region's own, for the 地区详情 trend. */
export async function scoreTrendAgainstPeers(db: Db, code: string, periods: number[]) {
  const parentCode = ancestorCodesOf(code).pop();
  if (!parentCode)
    return periods.map((period) => ({ period, score: null as number | null, peerMedian: null as number | null }));
  const peers = await childrenInfo(db, parentCode);
  const settings = await scoreSettingsFor(db, parentCode);
  const metrics = await metricsFor(
    db,
    peers,
    [...ancestorCodesOf(parentCode), parentCode],
    [...new Set([...periods, settings.baselinePeriod])],
    settings.minutes,
  );
  const posts = goalposts(peers.map((p) => ratesOf(metrics.get(p.code)?.get(settings.baselinePeriod))));
  return periods.map((period) => {
    const scores = peers.map((p) => ({
      code: p.code,
      score: compositeScore(ratesOf(metrics.get(p.code)?.get(period)), posts, settings.weights).score,
    }));
    return {
      period,
      score: scores.find((s) => s.code === code)?.score ?? null,
      peerMedian: percentile(
        scores.map((s) => s.score),
        0.5,
      ),
    };
  });
}
