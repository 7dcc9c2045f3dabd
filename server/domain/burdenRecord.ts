// The one set of rules a burden record must pass, whichever way it arrives: manual
// entry, a ledger row or a converted direct report. The router schemas, the ledger
// parser and the record service all call these, so a bad value gets the same
// Chinese message everywhere.
import type { BurdenKind } from "./burdenKinds";
import { parseDetails } from "./burdenDetails";
import { classifyRecord, type CatalogueSnapshot, type Violation } from "./classification";
import { isDedicatedPost } from "./metrics";
import { isWithin, levelOfCode, type RegionLevel } from "./regions";

export const TITLE_MAX = 200;
export const EVIDENCE_MAX = 2000;
export const UNITS_MIN = 1;
export const UNITS_MAX = 10_000;
export const EARLIEST_YEAR = 2000;

export { currentPeriod, latestPastPeriod, periodOf } from "./periods";
import { currentPeriod, periodOf } from "./periods";

export function titleProblem(title: string): string | null {
  const trimmed = title.trim();
  if (trimmed === "") return "请填写事项名称";
  if (trimmed.length > TITLE_MAX) return `事项名称不能超过${TITLE_MAX}个字`;
  return null;
}

export function unitsProblem(units: number): string | null {
  return Number.isInteger(units) && units >= UNITS_MIN && units <= UNITS_MAX
    ? null
    : `数量应为${UNITS_MIN}至${UNITS_MAX}的整数`;
}

/** Dates before 2000 and after the end of the current month are typing mistakes, not burdens. */
export function occurredOnProblem(date: Date, now: Date = new Date()): string | null {
  if (Number.isNaN(date.getTime())) return "发生日期无效";
  if (date.getUTCFullYear() < EARLIEST_YEAR) return `发生日期不能早于${EARLIEST_YEAR}年1月1日`;
  const current = currentPeriod(now);
  if (periodOf(date) > current) return `发生日期不能晚于本月月底（${Math.floor(current / 100)}年${current % 100}月）`;
  return null;
}

export function evidenceProblem(evidence: string | null | undefined): string | null {
  return evidence && evidence.trim().length > EVIDENCE_MAX ? `佐证说明不能超过${EVIDENCE_MAX}个字` : null;
}

/** Where a record may be aimed: a county, township or village in the user's jurisdiction. */
export function scopeProblem(
  scopeRegionCode: string,
  jurisdiction: string,
): { forbidden: boolean; message: string } | null {
  const level = scopeLevelProblem(scopeRegionCode);
  if (level) return { forbidden: false, message: level };
  if (!isWithin(scopeRegionCode, jurisdiction))
    return { forbidden: true, message: `下达范围 ${scopeRegionCode} 不在您的管辖范围内` };
  return null;
}

export function scopeLevelProblem(scopeRegionCode: string): string | null {
  const level = levelOfCode(scopeRegionCode);
  return level === null || level < 3
    ? `下达范围应为县级、乡级或村级区划（6、9或12位代码），实际为“${scopeRegionCode}”`
    : null;
}

export function regionMissing(code: string): string {
  return `区划代码 ${code} 不存在或尚未导入`;
}

/** A department serves a scope when one lies inside the other (a county bureau for its villages, a city bureau for a county). */
export function departmentServes(departmentRegionCode: string, scopeRegionCode: string): boolean {
  return isWithin(scopeRegionCode, departmentRegionCode) || isWithin(departmentRegionCode, scopeRegionCode);
}

export function departmentOutOfScope(name: string): string {
  return `部门“${name}”不属于该下达范围所在地区`;
}

export interface RecordFields {
  title: string;
  units: number;
  occurredOn: Date;
  evidence?: string | null;
}

/** Problems with the plain fields, keyed by field name; empty when all pass. */
export function fieldProblems(
  fields: RecordFields,
  now: Date = new Date(),
): { field: keyof RecordFields; message: string }[] {
  const checks: [keyof RecordFields, string | null][] = [
    ["title", titleProblem(fields.title)],
    ["units", unitsProblem(fields.units)],
    ["occurredOn", occurredOnProblem(fields.occurredOn, now)],
    ["evidence", evidenceProblem(fields.evidence)],
  ];
  return checks
    .filter((c): c is [keyof RecordFields, string] => c[1] !== null)
    .map(([field, message]) => ({ field, message }));
}

/** Kind-specific details, validated; the message names each bad field. */
export function detailsOrProblem(
  kind: BurdenKind,
  details: unknown,
): { details: Record<string, unknown> } | { problem: string } {
  const parsed = parseDetails(kind, details);
  if (parsed.success) return { details: parsed.data as Record<string, unknown> };
  return { problem: `明细有误：${parsed.error.issues.map((i) => i.message).join("；")}` };
}

/** What is stored for a record that passed every check: derived columns and its classification. */
export interface RecordRow {
  kind: BurdenKind;
  departmentId: string;
  scopeRegionCode: string;
  scopeLevel: RegionLevel;
  title: string;
  details: Record<string, unknown>;
  units: number;
  occurredOn: Date;
  period: number;
  evidence: string | null;
  isViolation: boolean;
  violations: Violation[];
  dedicatedPost: boolean;
}

/** What a caller gives to create or edit a burden record (manual entry, conversion, self-report). */
export interface RecordInput {
  kind: BurdenKind;
  departmentId: string;
  scopeRegionCode: string;
  title: string;
  details: Record<string, unknown>;
  units: number;
  occurredOn: Date;
  evidence?: string | null;
}

export function recordRow(input: RecordInput, violations: Violation[]): RecordRow {
  return {
    kind: input.kind,
    departmentId: input.departmentId,
    scopeRegionCode: input.scopeRegionCode,
    scopeLevel: levelOfCode(input.scopeRegionCode)!,
    title: input.title.trim(),
    details: input.details,
    units: input.units,
    occurredOn: input.occurredOn,
    period: periodOf(input.occurredOn),
    evidence: input.evidence?.trim() || null,
    isViolation: violations.length > 0,
    violations,
    dedicatedPost: isDedicatedPost(input.kind, input.details),
  };
}

/** Classifies a record against the catalogues in force at its scope on its date. */
export function classify(
  kind: BurdenKind,
  title: string,
  details: Record<string, unknown>,
  snapshot: CatalogueSnapshot,
): Violation[] {
  return classifyRecord({ kind, title: title.trim(), details }, snapshot);
}
