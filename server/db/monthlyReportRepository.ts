import type { Db } from "./client";
import { subtreeRange } from "../domain/regions";

export async function latestReportVersion(db: Db, regionCode: string, period: number): Promise<number> {
  const last = await db.monthlyReport.findFirst({
    where: { regionCode, period },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return last?.version ?? 0;
}

export function insertMonthlyReport(
  db: Db,
  data: {
    regionCode: string;
    period: number;
    version: number;
    fileName: string;
    content: Uint8Array<ArrayBuffer>;
    sizeBytes: number;
    trigger: string;
    createdById: string | null;
    createdAt: Date;
  },
) {
  return db.monthlyReport.create({ data, select: { id: true, createdAt: true } });
}

/** The archive of a subtree without the documents themselves, newest month first. */
export function listMonthlyReportsInSubtree(db: Db, regionCode: string, take: number) {
  return db.monthlyReport.findMany({
    where: { regionCode: subtreeRange(regionCode) },
    orderBy: [{ period: "desc" }, { regionCode: "asc" }, { version: "desc" }],
    select: {
      id: true,
      regionCode: true,
      period: true,
      version: true,
      fileName: true,
      sizeBytes: true,
      trigger: true,
      createdById: true,
      createdAt: true,
    },
    take,
  });
}

export function findMonthlyReport(db: Db, id: string) {
  return db.monthlyReport.findUnique({ where: { id } });
}

/** Regions some enabled user with one of these roles has as jurisdiction. */
export async function jurisdictionsOfRoles(db: Db, roles: readonly string[]): Promise<string[]> {
  const users = await db.user.findMany({
    where: { role: { in: [...roles] }, disabled: false },
    select: { regionCode: true },
    distinct: ["regionCode"],
  });
  return users.map((u) => u.regionCode);
}

// ─── What a report reads ─────────────────────────────────────────────────

/** Active records of a subtree per month, kind and verdict. */
export function recordCountsByKind(db: Db, regionCode: string, periods: number[]) {
  return db.burdenRecord.groupBy({
    by: ["period", "kind", "isViolation"],
    where: { scopeRegionCode: subtreeRange(regionCode), period: { in: periods }, status: "ACTIVE" },
    _count: { _all: true },
  });
}

/** A month's active violating records of a subtree with their department's name, at most `take`. */
export function violatingRecordsOfMonth(db: Db, regionCode: string, period: number, take: number) {
  return db.burdenRecord.findMany({
    where: { scopeRegionCode: subtreeRange(regionCode), period, status: "ACTIVE", isViolation: true },
    select: { title: true, kind: true, units: true, violations: true, department: { select: { name: true } } },
    take,
  });
}

/** Alerts of a subtree that opened in the month or fired within [gte, lt). */
export function alertsOfMonth(db: Db, regionCode: string, period: number, fired: { gte: Date; lt: Date }) {
  return db.alert.findMany({
    where: { regionCode: subtreeRange(regionCode), OR: [{ period }, { firingAt: fired }] },
    include: { human: true },
  });
}
