import type { SessionUser } from "../../domain/actor";
import type { Db } from "../../db/client";
import { insertAudit } from "../../db/auditRepository";
import {
  findMonthlyReport,
  insertMonthlyReport,
  jurisdictionsOfRoles,
  latestReportVersion,
  listMonthlyReportsInSubtree,
} from "../../db/monthlyReportRepository";
import { regionNamer } from "../../db/regionRepository";
import { findUserNames } from "../../db/userRepository";
import { formatPeriodChinese } from "../../domain/reportText";
import { isWithin } from "../../domain/regions";
import { type MonthlyReportDto, type MonthlyReportListItem, triggerOf } from "../dto/monthlyReports";
import { NotFoundError, PermissionError, UserInputError } from "../errors";
import { currentPeriod, previousPeriod, regionInfo } from "../metrics";
import { monthlyReportData } from "./reportData";
import { monthlyReportDocx } from "./reportDocument";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Generates and archives the report of a region and month. An issued report is
 * never changed: generating again stores the next version beside it.
 */
export async function generateMonthlyReport(
  db: Db,
  regionCode: string,
  period: number,
  trigger: "SCHEDULED" | "MANUAL",
  user: SessionUser | null,
  now = new Date(),
): Promise<MonthlyReportDto> {
  if (period > currentPeriod(now)) throw new UserInputError(`${formatPeriodChinese(period)}尚未开始，不能生成月报`);
  const region = await regionInfo(db, regionCode);
  if (region.level > 4) throw new UserInputError("月报按省、市、县、乡镇生成，村（社区）不单独生成月报");
  const data = await monthlyReportData(db, regionCode, period, now);
  for (let attempt = 0; ; attempt++) {
    const version = (await latestReportVersion(db, regionCode, period)) + 1;
    const content = await monthlyReportDocx(data, version);
    const fileName = `${region.name}${formatPeriodChinese(period)}减负监测报告（第${version}版）.docx`;
    try {
      const saved = await insertMonthlyReport(db, {
        regionCode,
        period,
        version,
        fileName,
        content: new Uint8Array(content),
        sizeBytes: content.length,
        trigger,
        createdById: user?.id ?? null,
        createdAt: now,
      });
      await insertAudit(db, {
        actorId: user?.id ?? null,
        actorRole: user?.role ?? "system",
        regionCode,
        action: "GENERATE",
        entity: "MonthlyReport",
        entityId: saved.id,
        after: { regionCode, period, version, trigger, sizeBytes: content.length },
      });
      return {
        id: saved.id,
        regionCode,
        period,
        version,
        fileName,
        sizeBytes: content.length,
        trigger,
        createdAt: saved.createdAt,
      };
    } catch (error) {
      // Two generators raced for the same version (another instance, a double click): take the next one.
      if (attempt < 3 && /unique/i.test(String(error))) continue;
      throw error;
    }
  }
}

export async function listMonthlyReports(db: Db, regionCode: string): Promise<MonthlyReportListItem[]> {
  const rows = await listMonthlyReportsInSubtree(db, regionCode, 500);
  const nameOf = await regionNamer(db, rows);
  const creatorIds = [...new Set(rows.map((r) => r.createdById).filter((x): x is string => !!x))];
  const creators = new Map((await findUserNames(db, creatorIds)).map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    ...r,
    trigger: triggerOf(r.trigger),
    regionName: nameOf(r.regionCode),
    createdByName: r.createdById ? (creators.get(r.createdById) ?? "") : "系统（月末自动生成）",
  }));
}

export async function monthlyReportFile(db: Db, user: SessionUser, id: string) {
  const report = await findMonthlyReport(db, id);
  if (!report) throw new NotFoundError("月报不存在");
  if (!isWithin(report.regionCode, user.regionCode)) throw new PermissionError("该月报不在您的管辖范围内");
  return { fileName: report.fileName, content: Buffer.from(report.content), regionCode: report.regionCode };
}

/** The regions that get a report every month: the jurisdictions of monitors and county leaders. */
async function reportingRegions(db: Db): Promise<string[]> {
  const codes = await jurisdictionsOfRoles(db, ["monitor", "county_leader"]);
  return codes.filter((c) => /^\d{2}(\d{2})?(\d{2})?$/.test(c));
}

/** After a month closes: the missing report of that month for every reporting region. */
export async function generateDueReports(db: Db, now = new Date(), log: (line: string) => void = () => {}) {
  const period = previousPeriod(currentPeriod(now));
  const generated: string[] = [];
  for (const regionCode of await reportingRegions(db)) {
    if ((await latestReportVersion(db, regionCode, period)) > 0) continue;
    try {
      const report = await generateMonthlyReport(db, regionCode, period, "SCHEDULED", null, now);
      generated.push(report.id);
    } catch (error) {
      log(`月报生成失败（${regionCode} ${period}）：${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return generated;
}
