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
