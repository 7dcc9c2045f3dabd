// Sentences that explain numbers on screen (issue 15): rank with its uncertainty as one
// statement, month-on-month change that does not explode on a small base, and what
// drives a region's score against its peers. Pure functions, shared by pages and tests.
import { BURDEN_KIND_NAMES, type BurdenKind } from "./burdenKinds";

export interface RankRange {
  p5: number;
  p95: number;
}

/**
 * "第7位，可能在第6–14位之间". The range always contains the rank shown, so the
 * two never contradict each other; the Monte Carlo median is not shown at all.
 */
export function rankStatement(rank: number | null, interval: RankRange | null, peers: number): string {
  if (rank === null) return "不排名次";
  const head = `第${rank}位`;
  if (!interval || peers < 2) return head;
  const low = Math.min(interval.p5, rank);
  const high = Math.max(interval.p95, rank);
  return low === high ? `${head}，名次稳定` : `${head}，可能在第${low}–${high}位之间`;
}

export interface Change {
  text: string;
  direction: "up" | "down" | "flat";
}

const trim = (value: number) => {
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return Number(value.toFixed(digits)).toLocaleString("zh-CN", { maximumFractionDigits: digits });
};

/**
 * Month-on-month change. A percentage only where the base is large enough to carry
 * one (previous ≥ `minBase` and the change under ±100 %); otherwise the absolute
 * difference in the unit ("+3 村次"). Percent-valued indicators change in 个百分点.
 */
export function describeChange(value: number, previous: number, unit: string, minBase = 1): Change {
  const diff = value - previous;
  const scale = Math.max(Math.abs(value), Math.abs(previous), 1);
  if (Math.abs(diff) < 1e-9 * scale || Number(trim(diff)) === 0) return { text: "与上月持平", direction: "flat" };
  const direction = diff > 0 ? "up" : "down";
  const sign = diff > 0 ? "+" : "−";
  if (unit === "%") return { text: `较上月 ${sign}${trim(Math.abs(diff))} 个百分点`, direction };
  const pct = previous !== 0 ? (diff / Math.abs(previous)) * 100 : Infinity;
  if (Math.abs(previous) >= minBase && Math.abs(pct) < 100)
    return { text: `较上月 ${sign}${trim(Math.abs(pct))}%`, direction };
  return { text: `较上月 ${sign}${trim(Math.abs(diff))} ${unit}`.trimEnd(), direction };
}

export interface KindContribution {
  kind: BurdenKind;
  contribution: number;
}

export interface Driver {
  kind: BurdenKind;
  name: string;
  /** Score points above (positive) or below the peer median's contribution. */
  points: number;
}

const median = (values: number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The kinds that lift the score most above the peers' median contribution, largest first. */
export function scoreDrivers(
  mine: readonly KindContribution[],
  peers: readonly (readonly KindContribution[])[],
  limit = 3,
  minPoints = 0.5,
): Driver[] {
  return mine
    .map((k) => ({
      kind: k.kind,
      name: BURDEN_KIND_NAMES[k.kind],
      points: k.contribution - median(peers.map((p) => p.find((x) => x.kind === k.kind)?.contribution ?? 0)),
    }))
    .filter((d) => d.points >= minPoints)
    .sort((a, b) => b.points - a.points)
    .slice(0, limit);
}

/**
 * The kind that moved the score most since last month, in the direction the score moved
 * (a rise is never "caused" by a kind that fell), and by how many points.
 */
export function mainCauseOfChange(
  now: readonly KindContribution[],
  before: readonly KindContribution[],
): Driver | null {
  const total = (list: readonly KindContribution[]) => list.reduce((s, k) => s + k.contribution, 0);
  const direction = Math.sign(total(now) - total(before));
  let best: Driver | null = null;
  for (const k of now) {
    const points = k.contribution - (before.find((b) => b.kind === k.kind)?.contribution ?? 0);
    if (Math.abs(points) < 0.05 || (direction !== 0 && Math.sign(points) !== direction)) continue;
    if (!best || Math.abs(points) > Math.abs(best.points))
      best = { kind: k.kind, name: BURDEN_KIND_NAMES[k.kind], points };
  }
  return best;
}

const points = (p: number) => `${p > 0 ? "+" : "−"}${trim(Math.abs(p))}分`;

/** The county leader's "why" in two sentences: what drives the score, and what changed. */
export function explainStanding(input: {
  score: number;
  previousScore: number;
  breakdown: readonly KindContribution[];
  previousBreakdown: readonly KindContribution[];
  peers: readonly (readonly KindContribution[])[];
}): string[] {
  const drivers = scoreDrivers(input.breakdown, input.peers);
  const lines = [
    drivers.length
      ? `与同级中位数相比，抬高得分最多的是${drivers.map((d) => `${d.name}（${points(d.points)}）`).join("、")}。`
      : "各类负担都不高于同级中位数。",
  ];
  const delta = input.score - input.previousScore;
  const cause = mainCauseOfChange(input.breakdown, input.previousBreakdown);
  if (Math.abs(delta) < 0.05) lines.push("得分与上月持平。");
  else
    lines.push(
      `得分较上月${delta > 0 ? "上升" : "下降"} ${trim(Math.abs(delta))} 分${cause ? `，主要因为${cause.name}（${points(cause.points)}）` : ""}。`,
    );
  return lines;
}
