import type { Db } from "../db/client";
import type { BurdenKind } from "../domain/burdenKinds";
import type { RegionMetrics } from "../domain/metrics";
import { ancestorCodesOf } from "../domain/regions";
import { competitionRanks, compositeScore, goalposts, monteCarloRanks, percentile, scoreBand, type ScoreBreakdown } from "../domain/scoring";
import { childrenInfo, metricsFor, previousPeriod, ratesOf, regionInfo, scoreSettingsFor, type RegionInfo, type ScoreSettings } from "./metrics";

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

/** Scores of the children of `parentCode` for a period, ranked among themselves. */
export async function peerScores(db: Db, parentCode: string, period: number, options: { replicates?: number; seed?: number } = {}): Promise<PeerScores> {
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
  const intervals = ranked && peers.length > 1 && (options.replicates ?? 1000) > 0 ? monteCarloRanks(rates(period), rates(settings.baselinePeriod), settings.weights, options) : null;
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
  points: { code: string; name: string; villages: number; rate: number; outside: "above99" | "above95" | "below95" | "below99" | null }[];
  limits: { villages: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
}

/**
 * Per-village rate against the number of villages, with Poisson control limits
 * (normal approximation) at 95 % and 99.8 % around the pooled rate.
 */
export function funnelPlot(standings: PeerStanding[], kind: BurdenKind | "ALL"): FunnelPlot {
  const unitsOf = (s: PeerStanding) => (kind === "ALL" ? s.metrics.units : s.metrics.kinds.find((k) => k.kind === kind)!.units);
  const withVillages = standings.filter((s) => s.villages > 0);
  const totalVillages = withVillages.reduce((n, s) => n + s.villages, 0);
  const target = totalVillages > 0 ? withVillages.reduce((n, s) => n + unitsOf(s), 0) / totalVillages : 0;
  const limit = (n: number, z: number) => z * Math.sqrt(target / n);
  const points = withVillages.map((s) => {
    const rate = unitsOf(s) / s.villages;
    const d = rate - target;
    const outside = d > limit(s.villages, 3.09) ? "above99" : d > limit(s.villages, 1.96) ? "above95" : d < -limit(s.villages, 3.09) ? "below99" : d < -limit(s.villages, 1.96) ? "below95" : null;
    return { code: s.code, name: s.name, villages: s.villages, rate, outside } as FunnelPlot["points"][number];
  });
  const maxN = Math.max(1, ...withVillages.map((s) => s.villages));
  const limits = Array.from({ length: 40 }, (_, i) => Math.max(1, Math.round(1 + ((maxN * 1.1 - 1) * i) / 39))).map((n) => ({
    villages: n,
    lower95: Math.max(0, target - limit(n, 1.96)),
    upper95: target + limit(n, 1.96),
    lower998: Math.max(0, target - limit(n, 3.09)),
    upper998: target + limit(n, 3.09),
  }));
  return { kind, target, points, limits };
}

/** Median score of the peers in each period, and the region's own, for the 地区详情 trend. */
export async function scoreTrendAgainstPeers(db: Db, code: string, periods: number[]) {
  const parentCode = ancestorCodesOf(code).pop();
  if (!parentCode) return periods.map((period) => ({ period, score: null as number | null, peerMedian: null as number | null }));
  const peers = await childrenInfo(db, parentCode);
  const settings = await scoreSettingsFor(db, parentCode);
  const metrics = await metricsFor(db, peers, [...ancestorCodesOf(parentCode), parentCode], [...new Set([...periods, settings.baselinePeriod])], settings.minutes);
  const posts = goalposts(peers.map((p) => ratesOf(metrics.get(p.code)?.get(settings.baselinePeriod))));
  return periods.map((period) => {
    const scores = peers.map((p) => ({ code: p.code, score: compositeScore(ratesOf(metrics.get(p.code)?.get(period)), posts, settings.weights).score }));
    return { period, score: scores.find((s) => s.code === code)?.score ?? null, peerMedian: percentile(scores.map((s) => s.score), 0.5) };
  });
}

