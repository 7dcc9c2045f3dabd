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

/** Rule keys carry their type as a prefix (STAT_RISE is STATISTICAL, PEER_LOW is PEER_OUTLIER). */
export const RULE_KEY_PREFIXES: Record<RuleType, string> = {
  VIOLATION: "VIOLATION_",
  LEVEL: "LEVEL_",
  STATISTICAL: "STAT_",
  PEER_OUTLIER: "PEER_",
  SILENCE: "SILENCE_",
};

export function ruleTypeOfKey(ruleKey: string): RuleType | null {
  return RULE_TYPES.find((type) => ruleKey.startsWith(RULE_KEY_PREFIXES[type])) ?? null;
}

export const SEVERITIES = ["INFO", "WARNING", "CRITICAL"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_NAMES: Record<Severity, string> = { INFO: "提示", WARNING: "警告", CRITICAL: "严重" };

export type MachineState = "PENDING" | "FIRING" | "RESOLVED";
export const MACHINE_STATE_NAMES: Record<MachineState, string> = {
  PENDING: "待确认",
  FIRING: "告警中",
  RESOLVED: "已恢复",
};

export interface RuleThresholds {
  /** Breaching when the value is above this. */
  enterThreshold: number;
  /** A firing episode recovers when the value stays at or below this (hysteresis). */
  exitThreshold: number;
  /** Earlier consecutive breaching periods required before firing. */
  pendingPeriods: number;
  /** Consecutive periods at or below the exit threshold before an episode resolves (default 1). */
  recoveryPeriods?: number;
}

/** The one source of a rule's period limits: the router schema and the rule service both read it. */
export const RULE_PERIOD_LIMITS = {
  pendingPeriods: { name: "待定期数", min: 0, max: 12 },
  recoveryPeriods: { name: "恢复期数", min: 1, max: 12 },
} as const;

export type RulePeriodField = keyof typeof RULE_PERIOD_LIMITS;

export function rulePeriodRangeMessage(field: RulePeriodField): string {
  const { name, min, max } = RULE_PERIOD_LIMITS[field];
  return `${name}应为${min}至${max}个月`;
}

/** The refusal for a period count outside its limits, or null when it is within them. */
export function rulePeriodError(field: RulePeriodField, value: number): string | null {
  const { min, max } = RULE_PERIOD_LIMITS[field];
  return Number.isInteger(value) && value >= min && value <= max ? null : rulePeriodRangeMessage(field);
}

export interface Transition {
  state: MachineState | null;
  events: ("PENDING" | "FIRING" | "RESOLVED" | "VALUE_CHANGED")[];
}

/**
 * Next machine state of an episode from its current state and this period's
 * value. `priorBreaches` counts the consecutive earlier periods that breached;
 * `periodsBelow` the consecutive periods, this one included, at or below the
 * exit threshold (recovery counts reporting periods, domain.md §5).
 */
export function transition(
  current: MachineState | null,
  value: number,
  priorBreaches: number,
  rule: RuleThresholds,
  periodsBelow = value <= rule.exitThreshold ? 1 : 0,
): Transition {
  const breaching = value > rule.enterThreshold;
  const ready = priorBreaches >= rule.pendingPeriods;
  switch (current) {
    case null:
    case "RESOLVED":
      if (!breaching) return { state: current, events: [] };
      return ready ? { state: "FIRING", events: ["FIRING"] } : { state: "PENDING", events: ["PENDING"] };
    case "PENDING":
      // A pending episode that stops breaching ends; it never fired.
      if (!breaching) return { state: "RESOLVED", events: ["RESOLVED"] };
      return ready ? { state: "FIRING", events: ["FIRING"] } : { state: "PENDING", events: ["VALUE_CHANGED"] };
    case "FIRING":
      if (periodsBelow >= (rule.recoveryPeriods ?? 1)) return { state: "RESOLVED", events: ["RESOLVED"] };
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
  if (human.ackValue !== null && human.ackCeilingMargin !== null && value > human.ackValue + human.ackCeilingMargin)
    return false;
  return true;
}

/** True when this value change crosses the acknowledged ceiling: the alert reopens. */
export function crossesCeiling(human: HumanLayer | null, before: number, after: number): boolean {
  if (!human?.ackedAt || human.ackValue === null || human.ackCeilingMargin === null) return false;
  const ceiling = human.ackValue + human.ackCeilingMargin;
  return before <= ceiling && after > ceiling;
}

/** Minutes an alert may stay unacknowledged (or unseen) before it escalates, by severity; editable. */
export const DEFAULT_ESCALATION_MINUTES: Record<Severity, number> = {
  INFO: 7 * 24 * 60,
  WARNING: 24 * 60,
  CRITICAL: 60,
};

export function dueForEscalation(
  alert: { state: MachineState; severity: Severity; firingAt: Date | null; escalationLevel: number },
  acknowledged: boolean,
  now: Date,
  limits: Record<Severity, number> = DEFAULT_ESCALATION_MINUTES,
): boolean {
  if (alert.state !== "FIRING" || acknowledged || !alert.firingAt || alert.escalationLevel > 0) return false;
  return now.getTime() - alert.firingAt.getTime() >= limits[alert.severity] * 60_000;
}

/** The key of an episode: rule, region, the month it opened, and #n when that month opened several. */
export function dedupKeyOf(ruleKey: string, regionCode: string, period: number, nth = 1): string {
  return `${ruleKey}|${regionCode}|${period}${nth > 1 ? `#${nth}` : ""}`;
}

// ─── Statistical rules ───────────────────────────────────────────────────
// Tail probabilities live in tails.ts, the rise test and CUSUM in surveillance.ts.
export { poissonUpperTail } from "./tails";

/** Robust z = 0.6745 (x − median) / MAD; mean absolute deviation (×0.7979) when MAD is 0. */
export function robustZ(value: number, peers: readonly number[]): number {
  if (peers.length === 0) return 0;
  const sorted = [...peers].sort((a, b) => a - b);
  const mid = (arr: number[]) =>
    arr.length % 2 ? arr[(arr.length - 1) / 2]! : (arr[arr.length / 2 - 1]! + arr[arr.length / 2]!) / 2;
  const median = mid(sorted);
  const mad = mid(sorted.map((v) => Math.abs(v - median)).sort((a, b) => a - b));
  if (mad > 0) return (0.6745 * (value - median)) / mad;
  const meanAbs = peers.reduce((s, v) => s + Math.abs(v - median), 0) / peers.length;
  return meanAbs > 0 ? (value - median) / (1.2533 * meanAbs) : 0;
}
