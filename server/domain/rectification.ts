// Rectification (整改闭环, domain.md §9): states, default actions and deadlines, rates.
import type { BurdenKind } from "./burdenKinds";
import type { Severity } from "./alerts";

export const RECTIFICATION_STATES = ["OPEN", "SUBMITTED", "RETURNED", "CLOSED"] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const RECTIFICATION_STATE_NAMES: Record<RectificationState, string> = {
  OPEN: "待整改",
  SUBMITTED: "已提交",
  RETURNED: "退回",
  CLOSED: "已销号",
};

export const RECTIFICATION_ACTIONS = ["WITHDRAW", "DISSOLVE", "TAKE_DOWN", "STOP_CERTIFICATE", "OTHER"] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];
export const RECTIFICATION_ACTION_NAMES: Record<RectificationAction, string> = {
  WITHDRAW: "撤回表格/材料/要求",
  DISSOLVE: "解散工作群/撤销机制",
  TAKE_DOWN: "摘除牌子",
  STOP_CERTIFICATE: "停止索要证明",
  OTHER: "其他整改措施",
};

/** Actions that, once accepted, end the underlying records so metrics and alerts follow. */
export const ENDING_ACTIONS: ReadonlySet<RectificationAction> = new Set([
  "WITHDRAW",
  "DISSOLVE",
  "TAKE_DOWN",
  "STOP_CERTIFICATE",
]);

export const SOURCE_NAMES: Record<string, string> = {
  RECORDS: "违规记录",
  ALERT: "预警",
  EXPOSURE: "通报曝光案例",
  MANUAL: "人工录入",
};

export function isRectificationState(value: string): value is RectificationState {
  return (RECTIFICATION_STATES as readonly string[]).includes(value);
}

/** What a department must do about a violating record of this kind. */
export function defaultAction(kind: BurdenKind): RectificationAction {
  switch (kind) {
    case "WORK_GROUP":
    case "MECHANISM":
      return "DISSOLVE";
    case "SIGNBOARD":
      return "TAKE_DOWN";
    case "CERTIFICATE":
      return "STOP_CERTIFICATE";
    default:
      return "WITHDRAW";
  }
}

/** Days given to rectify by severity (default; editable per item). */
export const DEFAULT_DEADLINE_DAYS: Record<Severity, number> = { CRITICAL: 7, WARNING: 15, INFO: 30 };

export function defaultDeadline(severity: Severity, from: Date): Date {
  const d = new Date(from);
  d.setUTCDate(d.getUTCDate() + DEFAULT_DEADLINE_DAYS[severity]);
  d.setUTCHours(15, 59, 59, 0); // end of that day in Beijing time
  return d;
}

export interface ItemTiming {
  state: string;
  deadline: Date;
  closedAt: Date | null;
}

/** Overdue (逾期): the deadline passed without acceptance. */
export function isOverdue(item: ItemTiming, now: Date): boolean {
  return item.state !== "CLOSED" && item.deadline.getTime() < now.getTime();
}

/** Department and monitor may act on it (待整改 or 退回). */
export function awaitsDepartment(state: string): boolean {
  return state === "OPEN" || state === "RETURNED";
}

export interface RectificationRates {
  total: number;
  closed: number;
  open: number;
  overdue: number;
  closedOnTime: number;
  /** 已销号 / all items. */
  rectificationRate: number | null;
  /** closed by the deadline / items whose outcome is decided (closed, or overdue while open). */
  onTimeRate: number | null;
}

export function rectificationRates(items: ItemTiming[], now: Date): RectificationRates {
  let closed = 0;
  let overdue = 0;
  let closedOnTime = 0;
  for (const item of items) {
    if (item.state === "CLOSED") {
      closed++;
      if (item.closedAt && item.closedAt.getTime() <= item.deadline.getTime()) closedOnTime++;
    } else if (isOverdue(item, now)) overdue++;
  }
  const decided = closed + overdue;
  return {
    total: items.length,
    closed,
    open: items.length - closed,
    overdue,
    closedOnTime,
    rectificationRate: items.length ? closed / items.length : null,
    onTimeRate: decided ? closedOnTime / decided : null,
  };
}

/** "宽城区卫生健康局 2026年11月 3 项未列入目录的填报表格"-style title for a group of records. */
export function titleForRecords(departmentName: string, records: { period: number; kindName: string }[]): string {
  const periods = [...new Set(records.map((r) => r.period))].sort();
  const span =
    periods.length === 1
      ? periodName(periods[0]!)
      : `${periodName(periods[0]!)}至${periodName(periods[periods.length - 1]!)}`;
  const kinds = [...new Set(records.map((r) => r.kindName))];
  return `${departmentName} ${span} ${records.length} 项违规${kinds.length === 1 ? kinds[0] : "负担"}`;
}

function periodName(period: number): string {
  return `${Math.floor(period / 100)}年${period % 100}月`;
}

export interface AcceptanceOutcome {
  withdrawnRecords: readonly string[];
  endedRecords: readonly string[];
  failedRecords: readonly { id: string; reason: string }[];
  alertResolved: boolean;
  exposureRectified: boolean;
}

/** What 销号 changed, in one sentence for the monitor who accepted (failures named, never hidden). */
export function acceptanceSummary(outcome: AcceptanceOutcome): string {
  const parts: string[] = [];
  if (outcome.withdrawnRecords.length) parts.push(`撤回 ${outcome.withdrawnRecords.length} 条记录`);
  if (outcome.endedRecords.length)
    parts.push(`${outcome.endedRecords.length} 项工作群、机制或挂牌记为今日解散（下月起不再计入）`);
  if (outcome.alertResolved) parts.push("来源预警已标记为已处置");
  if (outcome.exposureRectified) parts.push("通报案例已整改");
  const failed = outcome.failedRecords.length
    ? `；${outcome.failedRecords.length} 条记录未能处理：${outcome.failedRecords.map((f) => f.reason).join("；")}`
    : "";
  return `已销号${parts.length ? `：${parts.join("，")}` : ""}${failed}`;
}
