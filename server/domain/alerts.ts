// Alert rules and the machine lifecycle (domain.md §5). Pure: evaluation turns
// a value series into the next machine state and the events to record. The
// human layer (签收, assignee, notes, manual resolution) is read here, never written.

export const RULE_TYPES = ["VIOLATION", "LEVEL", "STATISTICAL", "PEER_OUTLIER", "SILENCE"] as const;
export type RuleType = (typeof RULE_TYPES)[number];
export const RULE_TYPE_NAMES: Record<RuleType, string> = {
  VIOLATION: "违规即报",
  LEVEL: "水平阈值",
  STATISTICAL: "统计异常升高",
  PEER_OUTLIER: "同级离群",
  SILENCE: "监测点未报送",
};

export const SEVERITIES = ["INFO", "WARNING", "CRITICAL"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_NAMES: Record<Severity, string> = { INFO: "提示", WARNING: "警告", CRITICAL: "严重" };

export type MachineState = "PENDING" | "FIRING" | "RESOLVED";
export const MACHINE_STATE_NAMES: Record<MachineState, string> = { PENDING: "待确认", FIRING: "告警中", RESOLVED: "已恢复" };

export interface RuleThresholds {
  /** Breaching when the value is above this. */
  enterThreshold: number;
  /** A firing alert recovers when the value falls to or below this (hysteresis). */
  exitThreshold: number;
  /** Earlier consecutive breaching periods required before firing. */
  pendingPeriods: number;
}

export interface Transition {
  state: MachineState | null;
  events: ("PENDING" | "FIRING" | "RESOLVED" | "VALUE_CHANGED")[];
}

/**
 * Next machine state from the current one and this period's value.
 * `priorBreaches` counts the consecutive earlier periods that breached.
 */
export function transition(current: MachineState | null, value: number, priorBreaches: number, rule: RuleThresholds): Transition {
  const breaching = value > rule.enterThreshold;
  const recovered = value <= rule.exitThreshold;
  const ready = priorBreaches >= rule.pendingPeriods;
  switch (current) {
    case null:
    case "RESOLVED":
      if (!breaching) return { state: current, events: [] };
      return ready ? { state: "FIRING", events: ["FIRING"] } : { state: "PENDING", events: ["PENDING"] };
    case "PENDING":
      if (recovered || !breaching) return { state: "RESOLVED", events: ["RESOLVED"] };
      return ready ? { state: "FIRING", events: ["FIRING"] } : { state: "PENDING", events: ["VALUE_CHANGED"] };
    case "FIRING":
      if (recovered) return { state: "RESOLVED", events: ["RESOLVED"] };
      return { state: "FIRING", events: ["VALUE_CHANGED"] };
  }
}

export interface HumanLayer {
  ackedAt: Date | null;
  ackExpiresAt: Date | null;
  ackValue: number | null;
  ackCeilingMargin: number | null;
  resolvedAt: Date | null;
}

/**
 * Whether an acknowledgement still holds: it lapses at its expiry, and when the
 * value rises past the acknowledged value plus the margin (the alert reopens).
 */
export function acknowledgementHolds(human: HumanLayer | null, value: number, now: Date): boolean {
  if (!human?.ackedAt) return false;
  if (human.ackExpiresAt && human.ackExpiresAt <= now) return false;
  if (human.ackValue !== null && human.ackCeilingMargin !== null && value > human.ackValue + human.ackCeilingMargin) return false;
  return true;
}

/** True when this value change crosses the acknowledged ceiling: the alert reopens. */
export function crossesCeiling(human: HumanLayer | null, before: number, after: number): boolean {
  if (!human?.ackedAt || human.ackValue === null || human.ackCeilingMargin === null) return false;
  const ceiling = human.ackValue + human.ackCeilingMargin;
  return before <= ceiling && after > ceiling;
}

/** Minutes an alert may stay unacknowledged (or unseen) before it escalates, by severity; editable. */
export const DEFAULT_ESCALATION_MINUTES: Record<Severity, number> = { INFO: 7 * 24 * 60, WARNING: 24 * 60, CRITICAL: 60 };

export function dueForEscalation(
  alert: { state: MachineState; severity: Severity; firingAt: Date | null; escalationLevel: number },
  acknowledged: boolean,
  now: Date,
  limits: Record<Severity, number> = DEFAULT_ESCALATION_MINUTES,
): boolean {
  if (alert.state !== "FIRING" || acknowledged || !alert.firingAt || alert.escalationLevel > 0) return false;
  return now.getTime() - alert.firingAt.getTime() >= limits[alert.severity] * 60_000;
}

export function dedupKeyOf(ruleKey: string, regionCode: string, period: number): string {
  return `${ruleKey}|${regionCode}|${period}`;
}

// ─── Statistical rules ───────────────────────────────────────────────────

/** ln Γ by Lanczos, for Poisson tails. */
function logGamma(x: number): number {
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i += 1) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Exact upper tail P(X ≥ k) for X ~ Poisson(mean). */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  let cdf = 0;
  for (let i = 0; i < k; i += 1) cdf += Math.exp(i * Math.log(mean) - mean - logGamma(i + 1));
  return Math.max(0, 1 - cdf);
}

/**
 * Poisson CUSUM for a rise from mean μ0 to μ1 = k·μ0: S_t = max(0, S_{t−1} + x_t·ln(μ1/μ0) − (μ1 − μ0)).
 * Returns the last statistic.
 */
export function poissonCusum(counts: readonly number[], mean0: number, ratio = 1.5): number {
  if (mean0 <= 0) return counts.reduce((s, c) => s + c, 0);
  const mean1 = mean0 * ratio;
  let s = 0;
  for (const x of counts) s = Math.max(0, s + x * Math.log(mean1 / mean0) - (mean1 - mean0));
  return s;
}

/** Robust z = 0.6745 (x − median) / MAD; mean absolute deviation (×0.7979) when MAD is 0. */
export function robustZ(value: number, peers: readonly number[]): number {
  if (peers.length === 0) return 0;
  const sorted = [...peers].sort((a, b) => a - b);
  const mid = (arr: number[]) => (arr.length % 2 ? arr[(arr.length - 1) / 2]! : (arr[arr.length / 2 - 1]! + arr[arr.length / 2]!) / 2);
  const median = mid(sorted);
  const mad = mid(sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b));
  if (mad > 0) return (0.6745 * (value - median)) / mad;
  const meanAbs = peers.reduce((s, v) => s + Math.abs(v - median), 0) / peers.length;
  return meanAbs > 0 ? (value - median) / (1.2533 * meanAbs) : 0;
}
