// xlsx exports of the 一表通 page: merge proposals, and the field dictionary.
import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { dictionaryView } from "./forms";
import { countyOverlapView } from "./views";
import { workbookOf } from "../xlsxSheet";

const STATUS_NAMES: Record<string, string> = {
  UNMAPPED: "待映射",
  UNIQUE: "独有数据项",
  MAPPED: "已映射",
  STRUCTURAL: "非数据字段",
};
const METHOD_NAMES: Record<string, string> = {
  override: "监测员设定",
  synonym: "同义词表",
  head: "中心词",
  similar: "相似度",
  none: "—",
};

export async function proposalsWorkbook(db: Db, countyCode: string): Promise<Buffer> {
  const view = await countyOverlapView(db, countyCode);
  const columns = [
    { header: "建议合并后的表格", key: "title", width: 36 },
    { header: "基础表格", key: "base", width: 28 },
    { header: "合并的表格", key: "members", width: 60 },
    { header: "共享部门", key: "departments", width: 40 },
    { header: "数据项数", key: "items", width: 10 },
    { header: "数据项（分组）", key: "groups", width: 80 },
    { header: "平均重合度", key: "score", width: 12 },
    { header: "每年减少填报次数（村·次）", key: "fillings", width: 18 },
    { header: "每年减少重复填写（字段·村）", key: "entries", width: 18 },
    { header: "每年节省工时（小时）", key: "hours", width: 16 },
    { header: "处理情况", key: "decision", width: 24 },
  ];
  const rows = view.clusters.map((c) => ({
    title: c.title,
    base: c.baseTitle,
    members: c.members.map((m) => `《${m.title}》`).join("、"),
    departments: c.departments.join("、"),
    items: c.itemCount,
    groups: c.groups.map((g) => `${g.group}：${g.items.map((i) => i.label).join("、")}`).join("；"),
    score: `${Math.round(c.meanScore * 100)}%`,
    fillings: c.savedFillings,
    entries: c.savedEntries,
    hours: Math.round(c.savedHours * 10) / 10,
    decision: c.decision
      ? c.decision.status === "ACCEPTED"
        ? "已采纳（已提交准入）"
        : `不采纳：${c.decision.reason ?? ""}`
      : "待处理",
  }));
  return workbookOf([{ name: "合并建议", columns, rows }]);
}

export async function dictionaryWorkbook(db: Db, user: SessionUser, countyCode: string): Promise<Buffer> {
  const { rows, items } = await dictionaryView(db, user, countyCode);
  const columns = [
    { header: "字段名称", key: "field", width: 30 },
    { header: "规范化名称", key: "normalised", width: 24 },
    { header: "数据项", key: "item", width: 20 },
    { header: "状态", key: "status", width: 12 },
    { header: "判定方式", key: "method", width: 12 },
    { header: "建议数据项", key: "suggestion", width: 16 },
    { header: "使用该字段的表格", key: "forms", width: 80 },
  ];
  const fields = rows.map((r) => ({
    field: r.field,
    normalised: r.normalised,
    item: r.itemLabel ?? "",
    status: STATUS_NAMES[r.status],
    method: METHOD_NAMES[r.method],
    suggestion: r.suggestion ?? "",
    forms: r.forms.join("、"),
  }));
  const catalogue = [
    { header: "分组", key: "group", width: 14 },
    { header: "数据项", key: "label", width: 20 },
    { header: "代码", key: "key", width: 22 },
  ];
  return workbookOf([
    { name: "数据项字典", columns, rows: fields },
    { name: "数据项目录", columns: catalogue, rows: items },
  ]);
}
