import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "../../db/client";
import type { RecordFilter } from "../../db/recordListRepository";
import { DETAIL_FIELDS } from "../../domain/burdenDetails";
import { BURDEN_KIND_NAMES, type BurdenKind } from "../../domain/burdenKinds";
import { ledgerColumns, ledgerTitle } from "../../domain/ledger";
import { listBurdenRecords } from "../records";
import type { TemplateLists } from "./templateLists";
import { addSheet } from "../xlsxSheet";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2D7D5" } };

const TEMPLATE_ROWS = 5000;
type Validations = { add(range: string, validation: ExcelJS.DataValidation): void };

/** Column letter of a 1-based index (A … Z, AA …). */
const letter = (n: number): string =>
  (n > 26 ? letter(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));

/**
 * Drop-downs on the ledger sheet: region codes and departments from their own
 * sheets, the fixed choices of enum and yes/no columns inline. Excel then refuses
 * a mistyped value while the user types, before any import.
 */
function addDropDowns(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, kind: BurdenKind, lists: TemplateLists) {
  const validations = (sheet as unknown as { dataValidations: Validations }).dataValidations;
  const regions = addSheet(workbook, "区划代码", [
    { header: "区划代码", key: "code", width: 16 },
    { header: "名称", key: "name", width: 24 },
  ]);
  for (const r of lists.regions) regions.addRow(r);
  const departments = addSheet(workbook, "部门名称", [{ header: "部门名称", key: "name", width: 32 }]);
  for (const name of lists.departments) departments.addRow({ name });
  const list = (formula: string, title: string, error: string): ExcelJS.DataValidation => ({
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: title,
    error,
  });
  ledgerColumns(kind).forEach((column, i) => {
    const range = `${letter(i + 1)}2:${letter(i + 1)}${TEMPLATE_ROWS + 1}`;
    if (column.key === "scopeRegionCode" && lists.regions.length)
      validations.add(
        range,
        list(
          `'区划代码'!$A$2:$A$${lists.regions.length + 1}`,
          "区划代码无效",
          "请从“区划代码”工作表中选择本辖区的区划代码",
        ),
      );
    else if (column.key === "department" && lists.departments.length)
      validations.add(
        range,
        list(
          `'部门名称'!$A$2:$A$${lists.departments.length + 1}`,
          "部门不存在",
          "请从“部门名称”工作表中选择已登记部门的全称",
        ),
      );
    else if (column.spec?.type === "boolean")
      validations.add(range, list('"是,否"', "应填“是”或“否”", "请填写“是”或“否”"));
    else if (column.spec?.type === "enum") {
      const labels = column.spec.options.map((o) => o.label);
      // Inline lists are limited to 255 characters by Excel.
      if (labels.join(",").length < 250)
        validations.add(range, list(`"${labels.join(",")}"`, `${column.header}无效`, `应为${labels.join("、")}之一`));
    }
  });
}

/** An xlsx template for one kind: Chinese headers, two example rows, a 说明 sheet, and drop-down lists when given. */
export async function ledgerTemplate(kind: BurdenKind, lists?: TemplateLists): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "减负监测";
  const columns = ledgerColumns(kind);
  const sheet = addSheet(
    workbook,
    ledgerTitle(kind),
    columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length * 3) })),
  );
  sheet.getRow(1).eachCell((cell, i) => {
    cell.fill = HEADER_FILL;
    if (columns[i - 1]?.required) cell.note = "必填";
  });
  sheet.addRow(columns.map((c) => c.example(kind)));
  sheet.addRow(columns.map((c) => (c.key === "scopeRegionCode" ? "220103002001" : c.example(kind))));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  if (lists) addDropDowns(workbook, sheet, kind, lists);
  const notes = addSheet(workbook, "说明", [
    { header: "列名", key: "header", width: 18 },
    { header: "是否必填", key: "required", width: 10 },
    { header: "填写说明", key: "note", width: 60 },
  ]);
  for (const c of columns) notes.addRow({ header: c.header, required: c.required ? "必填" : "选填", note: c.note });
  notes.addRow({});
  notes.addRow({
    header: "提示",
    note: `本表为“${BURDEN_KIND_NAMES[kind]}”台账。导入前请删除示例行；任何一行有误时整份文件不导入，并列出行号、列名和原因；同一文件重复导入不会产生重复记录。`,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Streams the filtered records as xlsx, a page of the keyset list at a time. */
export function exportRecords(db: Db, filter: RecordFilter): PassThrough {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet("负担记录");
  const detailHeaders = [
    ...new Map(
      Object.values(DETAIL_FIELDS)
        .flat()
        .map((f) => [f.key, f.label]),
    ).entries(),
  ];
  sheet.columns = [
    { header: "日期", key: "date", width: 12 },
    { header: "类别", key: "kind", width: 16 },
    { header: "事项名称", key: "title", width: 30 },
    { header: "下达部门", key: "department", width: 22 },
    { header: "区划代码", key: "scope", width: 14 },
    { header: "下达范围", key: "scopeName", width: 16 },
    { header: "数量", key: "units", width: 8 },
    { header: "是否违规", key: "violation", width: 10 },
    { header: "违规情形", key: "reasons", width: 50 },
    { header: "状态", key: "status", width: 8 },
    ...detailHeaders.map(([key, label]) => ({ header: label, key: `d_${key}`, width: 14 })),
    { header: "佐证说明", key: "evidence", width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    try {
      let cursor: string | undefined;
      do {
        const page = await listBurdenRecords(db, filter, 2000, cursor, { count: false });
        for (const r of page.items) {
          const details = r.details;
          sheet
            .addRow({
              date: r.occurredOn.toISOString().slice(0, 10),
              kind: BURDEN_KIND_NAMES[r.kind],
              title: r.title,
              department: r.departmentName,
              scope: r.scopeRegionCode,
              scopeName: r.scopeRegionName,
              units: r.units,
              violation: r.isViolation ? "是" : "否",
              reasons: r.violations.map((v) => v.reason).join("；"),
              status: r.status === "WITHDRAWN" ? "已撤回" : "有效",
              ...Object.fromEntries(
                detailHeaders.map(([key]) => [
                  `d_${key}`,
                  typeof details[key] === "boolean" ? (details[key] ? "是" : "否") : (details[key] ?? ""),
                ]),
              ),
              evidence: r.evidence ?? "",
            })
            .commit();
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return stream;
}
