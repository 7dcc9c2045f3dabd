import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { findAlert, findRuleById } from "../../db/alertRepository";
import { insertAuditBy } from "../../db/auditRepository";
import { findRecord, findRecordsByIds, findRecordTitles, violatingRecordIdsIn } from "../../db/burdenRepository";
import { findDepartmentById, findDepartmentsByIds } from "../../db/departmentRepository";
import { findExposureCase } from "../../db/exposureRepository";
import { insertItem, openLinksOf, type NewItem } from "../../db/rectificationRepository";
import type { Severity } from "../../domain/alerts";
import { BURDEN_KIND_NAMES, type BurdenKind } from "../../domain/burdenKinds";
import {
  defaultAction,
  defaultDeadline,
  RECTIFICATION_ACTION_NAMES,
  titleForRecords,
  type RectificationAction,
} from "../../domain/rectification";
import { isWithin } from "../../domain/regions";
import { NotFoundError, PermissionError, UserInputError } from "../errors";
import { publishRectificationEvent } from "../../realtime/rectification";

export interface ItemOptions {
  title?: string | null;
  action?: RectificationAction | null;
  requirement?: string | null;
  severity?: Severity | null;
  deadline?: Date | null;
  clause?: number | null;
}

interface Origin {
  source: "RECORDS" | "ALERT" | "EXPOSURE" | "MANUAL";
  alertId?: string | null;
  exposureCaseId?: string | null;
}

type Violation = { clause?: number; reason?: string };

function violationsOf(value: unknown): Violation[] {
  return Array.isArray(value) ? (value as Violation[]) : [];
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

async function assertRecordsFree(db: Db, recordIds: string[]) {
  const taken = await openLinksOf(db, recordIds);
  if (taken.length) {
    const titles = await findRecordTitles(
      db,
      taken.map((t) => t.recordId),
    );
    const names = new Map(titles.map((t) => [t.id, t.title]));
    throw new UserInputError(
      `以下记录已在未销号的整改事项中，不能重复列入：${taken.map((t) => `“${names.get(t.recordId) ?? t.recordId}”（事项：${t.item.title}）`).join("；")}`,
    );
  }
}

async function insert(db: Db, user: SessionUser, item: NewItem, recordIds: string[], note: string | null) {
  let created: Awaited<ReturnType<typeof insertItem>>;
  try {
    created = await db.$transaction(async (tx) => {
      const row = await insertItem(tx, item, recordIds, note);
      await insertAuditBy(tx, user, {
        regionCode: item.regionCode,
        action: "RECTIFICATION_CREATE",
        entity: "RectificationItem",
        entityId: row.id,
        after: { ...row, recordIds },
      });
      return row;
    });
  } catch (error) {
    // Two monitors listing the same record at once: the unique open link refuses the second.
    if ((error as { code?: string }).code === "P2002")
      throw new UserInputError("所选记录刚被列入另一整改事项，请刷新后重试");
    throw error;
  }
  publishRectificationEvent({
    type: "CREATED",
    itemId: created.id,
    state: created.state,
    regionCode: created.regionCode,
    departmentId: created.departmentId,
    title: created.title,
  });
  return created;
}

/**
 * Items from violating records: one per responsible department, since each
 * department answers for its own demands.
 */
export async function createFromRecords(
  db: Db,
  user: SessionUser,
  recordIds: string[],
  options: ItemOptions = {},
  origin: Origin = { source: "RECORDS" },
  now = new Date(),
) {
  const ids = [...new Set(recordIds)];
  if (ids.length === 0) throw new UserInputError("请至少选择一条违规记录");
  const records = await findRecordsByIds(db, ids);
  const found = new Map(records.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !found.get(id) || !isWithin(found.get(id)!.scopeRegionCode, user.regionCode));
  if (missing.length) throw new NotFoundError(`有 ${missing.length} 条记录不存在或不在您的管辖范围内`);
  const withdrawn = records.filter((r) => r.status !== "ACTIVE");
  if (withdrawn.length) throw new UserInputError(`记录“${withdrawn[0]!.title}”已撤回，无需整改`);
  const lawful = records.filter((r) => !r.isViolation);
  if (lawful.length) throw new UserInputError(`记录“${lawful[0]!.title}”未被判定为违规，不能列入整改事项`);
  await assertRecordsFree(db, ids);

  const byDepartment = new Map<string, typeof records>();
  for (const r of records) byDepartment.set(r.departmentId, [...(byDepartment.get(r.departmentId) ?? []), r]);
  const departments = new Map((await findDepartmentsByIds(db, [...byDepartment.keys()])).map((d) => [d.id, d]));
  for (const d of departments.values()) {
    if (!isWithin(d.regionCode, user.regionCode))
      throw new PermissionError(`部门“${d.name}”不在您的管辖范围内，请由其所在地区的监测人员生成整改事项`);
  }
  const severity = options.severity ?? "WARNING";
  const created = [];
  for (const [departmentId, group] of byDepartment) {
    const department = departments.get(departmentId)!;
    const clauses = group.flatMap((r) =>
      violationsOf(r.violations)
        .map((v) => v.clause)
        .filter((c): c is number => typeof c === "number"),
    );
    const action = options.action ?? mostCommon(group.map((r) => defaultAction(r.kind as BurdenKind))) ?? "OTHER";
    const reasons = [
      ...new Set(
        group.flatMap((r) =>
          violationsOf(r.violations)
            .map((v) => v.reason)
            .filter(Boolean),
        ),
      ),
    ];
    const item: NewItem = {
      regionCode: department.regionCode,
      departmentId,
      clause: options.clause ?? mostCommon(clauses) ?? 3,
      title:
        options.title?.trim() ||
        titleForRecords(
          department.name,
          group.map((r) => ({ period: r.period, kindName: BURDEN_KIND_NAMES[r.kind as BurdenKind] ?? r.kind })),
        ),
      action,
      requirement:
        options.requirement?.trim() ||
        `${RECTIFICATION_ACTION_NAMES[action]}：${group.map((r) => `“${r.title}”`).join("、")}。问题：${reasons.join("；")}`.slice(
          0,
          2000,
        ),
      severity,
      deadline: options.deadline ?? defaultDeadline(severity, now),
      source: origin.source,
      alertId: origin.alertId ?? null,
      exposureCaseId: origin.exposureCaseId ?? null,
      affectedRegions: [...new Set(group.map((r) => r.scopeRegionCode))],
      createdById: user.id,
    };
    if (item.deadline.getTime() <= now.getTime()) throw new UserInputError("整改期限须晚于当前时间");
    created.push(
      await insert(
        db,
        user,
        item,
        group.map((r) => r.id),
        null,
      ),
    );
  }
  return created;
}

/** One item per department behind the violating records of an alert's episode (its first to its latest month). */
export async function createFromAlert(
  db: Db,
  user: SessionUser,
  alertId: string,
  options: ItemOptions = {},
  now = new Date(),
) {
  const alert = await findAlert(db, alertId);
  if (!alert || !isWithin(alert.regionCode, user.regionCode)) throw new NotFoundError("预警不存在或不在您的管辖范围内");
  const rule = await findRuleById(db, alert.ruleId);
  const records = await violatingRecordIdsIn(
    db,
    { regionCode: alert.regionCode, from: alert.period, to: alert.lastPeriod ?? alert.period, kind: rule?.burdenKind },
    500,
  );
  const taken = new Set(
    (
      await openLinksOf(
        db,
        records.map((r) => r.id),
      )
    ).map((l) => l.recordId),
  );
  const free = records.map((r) => r.id).filter((id) => !taken.has(id));
  if (free.length === 0) throw new UserInputError("该预警没有尚未列入整改事项的违规记录");
  return createFromRecords(
    db,
    user,
    free,
    { severity: (alert.severity as Severity) ?? "WARNING", clause: rule?.clause ?? null, ...options },
    { source: "ALERT", alertId },
    now,
  );
}

/** The item an exposure case asks for: its department, clause, requirement and deadline. */
export async function createFromExposure(db: Db, user: SessionUser, caseId: string, now = new Date()) {
  const found = await findExposureCase(db, caseId);
  if (!found || !isWithin(found.regionCode, user.regionCode))
    throw new NotFoundError("通报案例不存在或不在您的管辖范围内");
  const options: ItemOptions = {
    title: found.title,
    requirement: found.rectification,
    clause: found.clause,
    severity: "CRITICAL",
    deadline: found.deadline > now ? found.deadline : null,
  };
  const origin: Origin = { source: "EXPOSURE", exposureCaseId: caseId };
  if (found.recordId) {
    const record = await findRecord(db, found.recordId);
    if (record?.status === "ACTIVE" && record.isViolation)
      return createFromRecords(db, user, [record.id], options, origin, now);
  }
  return [
    await createManualItem(
      db,
      user,
      {
        departmentId: found.departmentId,
        clause: found.clause,
        title: found.title,
        requirement: found.rectification,
        action: "OTHER",
        severity: "CRITICAL",
        deadline: options.deadline ?? null,
        recordIds: [],
      },
      origin,
      now,
    ),
  ];
}

export interface ManualItemInput {
  departmentId: string;
  clause: number;
  title: string;
  requirement: string;
  action: RectificationAction;
  severity: Severity;
  deadline: Date | null;
  recordIds: string[];
}

/** A monitor's own finding, optionally with records of that department. */
export async function createManualItem(
  db: Db,
  user: SessionUser,
  input: ManualItemInput,
  origin: Origin = { source: "MANUAL" },
  now = new Date(),
) {
  const department = await findDepartmentById(db, input.departmentId);
  if (!department) throw new UserInputError("责任部门不存在");
  if (!isWithin(department.regionCode, user.regionCode))
    throw new PermissionError(`部门“${department.name}”不在您的管辖范围内`);
  if (!Number.isInteger(input.clause) || input.clause < 1 || input.clause > 8)
    throw new UserInputError("条款应为《意见》第1至8条之一");
  const deadline = input.deadline ?? defaultDeadline(input.severity, now);
  if (deadline.getTime() <= now.getTime()) throw new UserInputError("整改期限须晚于当前时间");
  const recordIds = [...new Set(input.recordIds)];
  const records = recordIds.length ? await findRecordsByIds(db, recordIds) : [];
  if (records.length !== recordIds.length || records.some((r) => !isWithin(r.scopeRegionCode, user.regionCode)))
    throw new NotFoundError("所选记录不存在或不在您的管辖范围内");
  const foreign = records.find((r) => r.departmentId !== department.id);
  if (foreign)
    throw new UserInputError(`记录“${foreign.title}”不是“${department.name}”下达的，不能列入该部门的整改事项`);
  await assertRecordsFree(db, recordIds);
  return insert(
    db,
    user,
    {
      regionCode: department.regionCode,
      departmentId: department.id,
      clause: input.clause,
      title: input.title.trim(),
      action: input.action,
      requirement: input.requirement.trim(),
      severity: input.severity,
      deadline,
      source: origin.source,
      alertId: origin.alertId ?? null,
      exposureCaseId: origin.exposureCaseId ?? null,
      affectedRegions: records.length ? [...new Set(records.map((r) => r.scopeRegionCode))] : [department.regionCode],
      createdById: user.id,
    },
    recordIds,
    null,
  );
}
