import type { Db, Tx } from "./client";
import { subtreeRange } from "../domain/regions";

export function upsertMonitoringPoint(db: Db | Tx, regionCode: string, accessCodeHash: string) {
  return db.monitoringPoint.upsert({
    where: { regionCode },
    create: { regionCode, accessCodeHash },
    update: { accessCodeHash, active: true },
  });
}

export function findPointByCodeHash(db: Db, accessCodeHash: string) {
  return db.monitoringPoint.findUnique({ where: { accessCodeHash } });
}

export function listPointsInSubtree(db: Db, regionCode: string) {
  return db.monitoringPoint.findMany({
    where: { regionCode: subtreeRange(regionCode) },
    orderBy: { regionCode: "asc" },
    include: { _count: { select: { reports: true } } },
  });
}

export function countRecentReports(db: Db, pointId: string, since: Date) {
  return db.directReport.count({ where: { pointId, createdAt: { gte: since } } });
}

export async function insertReport(
  db: Db,
  data: {
    receiptNo: string;
    pointId: string;
    regionCode: string;
    anonymous: boolean;
    reporterName: string | null;
    reporterPhone: string | null;
    kind: string;
    departmentName: string;
    content: string;
    photoPath: string | null;
  },
) {
  return db.$transaction(async (tx) => {
    const report = await tx.directReport.create({ data });
    await tx.monitoringPoint.update({ where: { id: data.pointId }, data: { lastReportAt: report.createdAt } });
    return report;
  });
}

export function findReportByReceipt(db: Db, receiptNo: string) {
  return db.directReport.findUnique({ where: { receiptNo } });
}

export function findReport(db: Db | Tx, id: string) {
  return db.directReport.findUnique({ where: { id } });
}

export function listReportsInSubtree(db: Db, regionCode: string, status?: string) {
  return db.directReport.findMany({
    where: { regionCode: subtreeRange(regionCode), ...(status ? { status } : {}) },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
}

export function markReportHandled(
  tx: Tx | Db,
  id: string,
  data: { status: string; recordId?: string | null; handlingNote: string | null; handledById: string },
) {
  return tx.directReport.update({ where: { id, status: "RECEIVED" }, data: { ...data, handledAt: new Date() } });
}

/** Active monitoring points with the number of reports each received in [start, end). */
export function activePointsWithReportCounts(db: Db, start: Date, end: Date) {
  return db.monitoringPoint.findMany({
    where: { active: true },
    include: { _count: { select: { reports: { where: { createdAt: { gte: start, lt: end } } } } } },
  });
}
