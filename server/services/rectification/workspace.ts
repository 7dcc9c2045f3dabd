import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { departmentCountsByKind, departmentViolations } from "../../db/burdenRepository";
import { recentAdmissionRequestsOf } from "../../db/catalogueRepository";
import { findDepartmentById } from "../../db/departmentRepository";
import { BURDEN_KINDS, type BurdenKind } from "../../domain/burdenKinds";
import { parseDetails } from "../../domain/burdenDetails";
import { classifyRecord } from "../../domain/classification";
import { isWithin, levelOfCode } from "../../domain/regions";
import { catalogueSnapshotFor } from "../catalogueSnapshot";
import { departmentLeague } from "../departmentLeague";
import { PermissionError, UserInputError } from "../errors";
import { currentPeriod, regionInfo, scoreSettingsFor } from "../metrics";
import { createBurdenRecord, type RecordInput } from "../records";
import { listRectificationItems } from "./queries";
import { rectificationStats } from "./rates";

async function ownDepartment(db: Db, user: SessionUser) {
  if (user.role !== "department" || !user.departmentId) throw new PermissionError("本页面仅供职能部门账号使用");
  const department = await findDepartmentById(db, user.departmentId);
  if (!department) throw new PermissionError("账号未关联部门，请联系管理员");
  return department;
}

async function countsByKind(db: Db, departmentId: string, from: number, to: number) {
  const [rows, violations, selfReports] = await Promise.all([
    departmentCountsByKind(db, departmentId, from, to),
    departmentCountsByKind(db, departmentId, from, to, { isViolation: true }),
    departmentCountsByKind(db, departmentId, from, to, { source: "SELF_REPORT" }),
  ]);
  const v = new Map(violations.map((r) => [r.kind, r._count._all]));
  const own = new Map(selfReports.map((r) => [r.kind, r._count._all]));
  const byKind = new Map(rows.map((r) => [r.kind, { records: r._count._all, units: r._sum.units ?? 0 }]));
  return BURDEN_KINDS.map((kind) => ({
    kind,
    records: byKind.get(kind)?.records ?? 0,
    units: byKind.get(kind)?.units ?? 0,
    violations: v.get(kind) ?? 0,
    /** Of them, what the department reported itself (部门自报) rather than what monitors found. */
    selfReported: own.get(kind) ?? 0,
  }));
}

/** 本部门: what this department demands of villages, what it must rectify, and where it stands. */
export async function departmentWorkspace(db: Db, user: SessionUser, now = new Date()) {
  const department = await ownDepartment(db, user);
  const month = currentPeriod(now);
  const yearStart = Math.floor(month / 100) * 100 + 1;
  const county = department.regionCode.slice(0, 6);
  const [thisMonth, thisYear, violations, items, admissions, settings, countyInfo, stats] = await Promise.all([
    countsByKind(db, department.id, month, month),
    countsByKind(db, department.id, yearStart, month),
    departmentViolations(db, department.id, yearStart, month, 50),
    listRectificationItems(db, user, { regionCode: user.regionCode, states: ["OPEN", "SUBMITTED", "RETURNED"] }, now),
    recentAdmissionRequestsOf(db, department.id, 20),
    scoreSettingsFor(db, county),
    regionInfo(db, county),
    rectificationStats(db, county, now),
  ]);
  const league = await departmentLeague(db, countyInfo, yearStart, month, settings.minutes);
  const position = league.findIndex((d) => d.departmentId === department.id);
  const own = stats.departments.find((d) => d.key === department.id) ?? null;
  return {
    department: {
      id: department.id,
      name: department.name,
      regionCode: department.regionCode,
      regionName: countyInfo.name,
    },
    month,
    thisMonth,
    thisYear,
    violations,
    items,
    admissions: admissions.map((a) => ({
      id: a.id,
      catalogue: a.catalogue,
      name: a.name,
      status: a.status,
      decisionReason: a.decisionReason,
      createdAt: a.createdAt,
    })),
    league: {
      rank: position >= 0 ? position + 1 : null,
      of: league.length,
      hours: position >= 0 ? league[position]!.hours : 0,
      violationUnits: position >= 0 ? league[position]!.violationUnits : 0,
      rectificationRate: own?.rectificationRate ?? null,
      onTimeRate: own?.onTimeRate ?? null,
    },
  };
}

export type SelfReportInput = Omit<RecordInput, "departmentId">;

/** Would this demand be a violation? Classified exactly as a recorded one would be, nothing stored. */
export async function selfCheck(db: Db, user: SessionUser, input: SelfReportInput) {
  const department = await ownDepartment(db, user);
  if (!isWithin(input.scopeRegionCode, department.regionCode))
    throw new UserInputError(`下达范围 ${input.scopeRegionCode} 不在本部门所在地区内`);
  if ((levelOfCode(input.scopeRegionCode) ?? 0) < 3) throw new UserInputError("下达范围应为县级、乡级或村级区划");
  const details = parseDetails(input.kind as BurdenKind, input.details);
  if (!details.success) throw new UserInputError(`明细有误：${details.error.issues.map((i) => i.message).join("；")}`);
  const violations = classifyRecord(
    { kind: input.kind, title: input.title, details: details.data },
    await catalogueSnapshotFor(db, input.scopeRegionCode, input.occurredOn),
  );
  return { isViolation: violations.length > 0, violations };
}

/** The department records a demand it is about to impose; it counts like any other record, marked 部门自报. */
export async function selfReport(db: Db, user: SessionUser, input: SelfReportInput) {
  const department = await ownDepartment(db, user);
  return createBurdenRecord(db, user, { ...input, departmentId: department.id }, { source: "SELF_REPORT" });
}
