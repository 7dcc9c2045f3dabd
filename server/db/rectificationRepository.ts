import type { Db, Tx } from "./client";
import { subtreeRange } from "../domain/regions";

export interface NewItem {
  regionCode: string;
  departmentId: string;
  clause: number;
  title: string;
  action: string;
  requirement: string;
  severity: string;
  deadline: Date;
  source: string;
  alertId?: string | null;
  exposureCaseId?: string | null;
  affectedRegions: string[];
  createdById: string;
}

/** The item, its record links (each marked open) and its first step. */
export async function insertItem(tx: Tx, item: NewItem, recordIds: string[], note: string | null) {
  const created = await tx.rectificationItem.create({ data: item });
  for (const recordId of recordIds)
    await tx.rectificationLink.create({ data: { itemId: created.id, recordId, openRecordId: recordId } });
  await tx.rectificationStep.create({
    data: { itemId: created.id, type: "CREATED", actorId: item.createdById, note, data: { recordIds } },
  });
  return created;
}

/** Open items already holding any of these records. */
export function openLinksOf(db: Db | Tx, recordIds: string[]) {
  return db.rectificationLink.findMany({
    where: { openRecordId: { in: recordIds } },
    include: { item: { select: { id: true, title: true } } },
  });
}

export function findItem(db: Db | Tx, id: string) {
  return db.rectificationItem.findUnique({ where: { id }, include: { links: true } });
}

export function findItemOrThrow(db: Db | Tx, id: string) {
  return db.rectificationItem.findUniqueOrThrow({ where: { id } });
}

export function findItemDetail(db: Db, id: string) {
  return db.rectificationItem.findUnique({
    where: { id },
    include: { links: true, steps: { orderBy: { createdAt: "asc" } }, evidence: { orderBy: { createdAt: "asc" } } },
  });
}

export interface ItemFilter {
  regionCode: string;
  states?: string[];
  departmentId?: string;
  clause?: number;
  overdueAt?: Date;
  exposureCaseId?: string;
  alertId?: string;
}

export function itemWhere(filter: ItemFilter) {
  return {
    regionCode: subtreeRange(filter.regionCode),
    ...(filter.states?.length ? { state: { in: filter.states } } : {}),
    ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
    ...(filter.clause ? { clause: filter.clause } : {}),
    ...(filter.overdueAt ? { state: { not: "CLOSED" }, deadline: { lt: filter.overdueAt } } : {}),
    ...(filter.exposureCaseId ? { exposureCaseId: filter.exposureCaseId } : {}),
    ...(filter.alertId ? { alertId: filter.alertId } : {}),
  };
}

export function listItems(db: Db, filter: ItemFilter, take: number) {
  return db.rectificationItem.findMany({
    where: itemWhere(filter),
    orderBy: [{ deadline: "asc" }, { id: "asc" }],
    take,
    include: { _count: { select: { links: true } } },
  });
}

/** Only the timing columns: enough for rates over a whole jurisdiction. */
export function itemTimings(db: Db, regionCode: string) {
  return db.rectificationItem.findMany({
    where: { regionCode: subtreeRange(regionCode) },
    select: { regionCode: true, departmentId: true, state: true, deadline: true, closedAt: true },
  });
}

/** Moves the item only if it is still in `from`, so two people cannot both act on one state. */
export async function moveItem(tx: Tx, id: string, from: string[], data: Record<string, unknown>): Promise<boolean> {
  const { count } = await tx.rectificationItem.updateMany({ where: { id, state: { in: from } }, data });
  return count === 1;
}

export function insertStep(
  tx: Tx | Db,
  step: { itemId: string; type: string; actorId: string | null; note: string | null; data?: object },
) {
  return tx.rectificationStep.create({ data: step });
}

/** Escalates the item once, only if it is still open and not yet escalated. */
export async function markItemEscalated(tx: Tx, id: string, at: Date): Promise<boolean> {
  const { count } = await tx.rectificationItem.updateMany({
    where: { id, escalationLevel: 0, state: { not: "CLOSED" } },
    data: { escalationLevel: 1, escalatedAt: at },
  });
  return count === 1;
}

/** Items that came from an alert or an exposure case; `openOnly` leaves the closed ones out. */
export function countItemsFrom(db: Db, origin: { alertId: string } | { exposureCaseId: string }, openOnly: boolean) {
  return db.rectificationItem.count({ where: { ...origin, ...(openOnly ? { state: { not: "CLOSED" } } : {}) } });
}

/**
 * Demo seeding only: writes an item's state or dates directly, to lay out a history
 * (back-dated, submitted, returned) that the workflow would only reach over weeks.
 */
export function overwriteItemForDemo(
  db: Db,
  id: string,
  data: { state?: string; measures?: string; submittedAt?: Date; returnReason?: string; createdAt?: Date },
) {
  return db.rectificationItem.update({ where: { id }, data });
}

/** Frees the records for new items once this one is closed. */
export function releaseRecords(tx: Tx, itemId: string) {
  return tx.rectificationLink.updateMany({ where: { itemId }, data: { openRecordId: null } });
}

export function insertEvidence(
  db: Db,
  row: { itemId: string; fileName: string; path: string; mime: string; size: number; uploadedById: string },
) {
  return db.rectificationEvidence.create({ data: row });
}

export function countPendingEvidence(db: Db | Tx, itemId: string) {
  return db.rectificationEvidence.count({ where: { itemId, stepId: null } });
}

export function pendingEvidence(db: Db | Tx, itemId: string) {
  return db.rectificationEvidence.findMany({ where: { itemId, stepId: null } });
}

export function attachEvidence(tx: Tx, itemId: string, stepId: string) {
  return tx.rectificationEvidence.updateMany({ where: { itemId, stepId: null }, data: { stepId } });
}

export function findEvidence(db: Db, id: string) {
  return db.rectificationEvidence.findUnique({
    where: { id },
    include: { item: { select: { regionCode: true, departmentId: true } } },
  });
}

/** Open items past their deadline that have not yet been escalated. */
export function overdueUnescalated(db: Db, now: Date) {
  return db.rectificationItem.findMany({
    where: { state: { not: "CLOSED" }, deadline: { lt: now }, escalationLevel: 0 },
    take: 1000,
  });
}

/** Record id → open item, for the record list. */
export function openItemsOfRecords(db: Db, recordIds: string[]) {
  return db.rectificationLink.findMany({
    where: { openRecordId: { in: recordIds } },
    select: { recordId: true, itemId: true, item: { select: { state: true, title: true } } },
  });
}
