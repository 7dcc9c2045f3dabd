import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { findRecordScopes, findRecordSummaries } from "../../db/burdenRepository";
import { findDepartmentsByIds } from "../../db/departmentRepository";
import { findItemDetail, listItems, openItemsOfRecords, type ItemFilter } from "../../db/rectificationRepository";
import { findRegions } from "../../db/regionRepository";
import { findUserNames } from "../../db/userRepository";
import {
  isOverdue,
  RECTIFICATION_ACTION_NAMES,
  RECTIFICATION_STATE_NAMES,
  SOURCE_NAMES,
  type RectificationAction,
  type RectificationState,
} from "../../domain/rectification";
import { isWithin } from "../../domain/regions";
import { PermissionError } from "../errors";
import { itemFor } from "./access";

type ItemBase = {
  id: string;
  regionCode: string;
  departmentId: string;
  clause: number;
  title: string;
  action: string;
  state: string;
  severity: string;
  deadline: Date;
  source: string;
  closedAt: Date | null;
  escalationLevel: number;
  extensionUntil: Date | null;
  createdAt: Date;
};

async function names(db: Db, items: ItemBase[]) {
  const [departments, regions] = await Promise.all([
    findDepartmentsByIds(db, [...new Set(items.map((i) => i.departmentId))]),
    findRegions(db, [...new Set(items.map((i) => i.regionCode))]),
  ]);
  return {
    departments: new Map(departments.map((d) => [d.id, d.name])),
    regions: new Map(regions.map((r) => [r.code, r.name])),
  };
}

function summary(item: ItemBase, n: Awaited<ReturnType<typeof names>>, now: Date) {
  const overdue = isOverdue(item, now);
  return {
    id: item.id,
    title: item.title,
    regionCode: item.regionCode,
    regionName: n.regions.get(item.regionCode) ?? item.regionCode,
    departmentId: item.departmentId,
    departmentName: n.departments.get(item.departmentId) ?? item.departmentId,
    clause: item.clause,
    action: item.action,
    actionName: RECTIFICATION_ACTION_NAMES[item.action as RectificationAction] ?? item.action,
    state: item.state,
    stateName: RECTIFICATION_STATE_NAMES[item.state as RectificationState] ?? item.state,
    severity: item.severity,
    deadline: item.deadline,
    overdue,
    overdueDays: overdue ? Math.ceil((now.getTime() - item.deadline.getTime()) / 86_400_000) : 0,
    escalated: item.escalationLevel > 0,
    extensionUntil: item.extensionUntil,
    source: item.source,
    sourceName: SOURCE_NAMES[item.source] ?? item.source,
    closedAt: item.closedAt,
    createdAt: item.createdAt,
  };
}

export type ItemSummary = ReturnType<typeof summary> & { recordCount: number };

/** Items of a jurisdiction, overdue first, then by deadline; a department sees only its own. */
export async function listRectificationItems(
  db: Db,
  user: SessionUser,
  filter: Omit<ItemFilter, "overdueAt"> & { overdue?: boolean },
  now = new Date(),
): Promise<ItemSummary[]> {
  if (!isWithin(filter.regionCode, user.regionCode))
    throw new PermissionError(`区划 ${filter.regionCode} 不在您的管辖范围内`);
  const own = user.role === "department" ? { departmentId: user.departmentId ?? "-" } : {};
  const rows = await listItems(db, { ...filter, ...own, overdueAt: filter.overdue ? now : undefined }, 1000);
  const n = await names(db, rows);
  return rows
    .map((r) => ({ ...summary(r, n, now), recordCount: r._count.links }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        Number(a.state === "CLOSED") - Number(b.state === "CLOSED") ||
        a.deadline.getTime() - b.deadline.getTime(),
    );
}

/** One item with its records, timeline and evidence. */
export async function rectificationDetail(db: Db, user: SessionUser, id: string, now = new Date()) {
  await itemFor(db, user, id);
  const item = (await findItemDetail(db, id))!;
  const n = await names(db, [item]);
  const records = await findRecordSummaries(
    db,
    item.links.map((l) => l.recordId),
  );
  const actorIds = [...new Set(item.steps.map((s) => s.actorId).filter((a): a is string => Boolean(a)))];
  const actors = new Map((await findUserNames(db, actorIds)).map((u) => [u.id, u.name]));
  return {
    ...summary(item, n, now),
    recordCount: item.links.length,
    requirement: item.requirement,
    measures: item.measures,
    returnReason: item.returnReason,
    extensionReason: item.extensionReason,
    alertId: item.alertId,
    exposureCaseId: item.exposureCaseId,
    affectedRegions: (item.affectedRegions as string[] | null) ?? [],
    records,
    steps: item.steps.map((s) => ({
      id: s.id,
      type: s.type,
      note: s.note,
      actorName: s.actorId ? (actors.get(s.actorId) ?? "") : "系统",
      createdAt: s.createdAt,
    })),
    evidence: item.evidence.map((e) => ({
      id: e.id,
      fileName: e.fileName,
      size: e.size,
      mime: e.mime,
      stepId: e.stepId,
      createdAt: e.createdAt,
    })),
  };
}

/** For the record list: which of these records (scoped in the region) sit in an open item. */
export async function openItemsForRecords(db: Db, regionCode: string, recordIds: string[]) {
  const records = await findRecordScopes(db, recordIds);
  const links = await openItemsOfRecords(
    db,
    records.filter((r) => isWithin(r.scopeRegionCode, regionCode)).map((r) => r.id),
  );
  return links.map((l) => ({ recordId: l.recordId, itemId: l.itemId, state: l.item.state, title: l.item.title }));
}
