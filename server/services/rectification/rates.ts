import ExcelJS from "exceljs";
import type { Db } from "../../db/client";
import { findDepartmentsByIds } from "../../db/departmentRepository";
import { itemTimings } from "../../db/rectificationRepository";
import { findRegions } from "../../db/regionRepository";
import { rectificationRates, type ItemTiming, type RectificationRates } from "../../domain/rectification";
import { levelOfCode } from "../../domain/regions";
import { addSheet } from "../xlsxSheet";

export interface RateRow extends RectificationRates {
  key: string;
  name: string;
}

function group<T extends ItemTiming>(items: T[], keyOf: (item: T) => string, now: Date) {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups.entries()].map(([key, rows]) => ({ key, ...rectificationRates(rows, now) }));
}

/** Rectification and on-time rates per department and per county of a jurisdiction, and in total. */
export async function rectificationStats(db: Db, regionCode: string, now = new Date()) {
  const items = await itemTimings(db, regionCode);
  const countyOf = (code: string) => ((levelOfCode(code) ?? 3) >= 3 ? code.slice(0, 6) : code);
  const byDepartment = group(items, (i) => i.departmentId, now);
  const byCounty = group(items, (i) => countyOf(i.regionCode), now);
  const [departments, counties] = await Promise.all([
    findDepartmentsByIds(
      db,
      byDepartment.map((d) => d.key),
    ),
    findRegions(
      db,
      byCounty.map((c) => c.key),
    ),
  ]);
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  const countyNames = new Map(counties.map((c) => [c.code, c.name]));
  const order = (a: RateRow, b: RateRow) =>
    (a.rectificationRate ?? 1) - (b.rectificationRate ?? 1) || b.overdue - a.overdue;
  return {
    total: rectificationRates(items, now),
    departments: byDepartment.map((d) => ({ ...d, name: departmentNames.get(d.key) ?? d.key })).sort(order),
    counties: byCounty.map((c) => ({ ...c, name: countyNames.get(c.key) ?? c.key })).sort(order),
  };
}

const percent = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

export async function rectificationWorkbook(db: Db, regionCode: string, now = new Date()): Promise<Buffer> {
  const stats = await rectificationStats(db, regionCode, now);
  const wb = new ExcelJS.Workbook();
  for (const [title, rows, label] of [
    ["按部门", stats.departments, "部门"],
    ["按县（市、区）", stats.counties, "县（市、区）"],
  ] as const) {
    const sheet = addSheet(wb, title, [
      { header: label, key: "name", width: 28 },
      { header: "整改事项", key: "total", width: 10 },
      { header: "已销号", key: "closed", width: 10 },
      { header: "未销号", key: "open", width: 10 },
      { header: "逾期", key: "overdue", width: 8 },
      { header: "按期销号", key: "closedOnTime", width: 10 },
      { header: "整改率", key: "rate", width: 10 },
      { header: "按期整改率", key: "onTime", width: 12 },
    ]);
    for (const r of rows)
      sheet.addRow({
        name: r.name,
        total: r.total,
        closed: r.closed,
        open: r.open,
        overdue: r.overdue,
        closedOnTime: r.closedOnTime,
        rate: percent(r.rectificationRate),
        onTime: percent(r.onTimeRate),
      });
  }
  const note = wb.addWorksheet("说明");
  note.addRow(["整改率 = 已销号事项 / 全部整改事项"]);
  note.addRow(["按期整改率 = 在整改期限内销号的事项 / （已销号事项 + 逾期未销号事项）"]);
  note.addRow([`统计时间：${now.toISOString().slice(0, 16).replace("T", " ")}（UTC）`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
