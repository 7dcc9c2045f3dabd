import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { workbookOf } from "./xlsxSheet";

describe("workbookOf", () => {
  it("writes each sheet in order, a bold header row, and the rows under their columns' keys", async () => {
    const bytes = await workbookOf([
      {
        name: "合并建议",
        columns: [
          { header: "表格", key: "title", width: 20 },
          { header: "数据项数", key: "items", width: 8 },
        ],
        rows: [
          { items: 3, title: "甲表" },
          { title: "乙表", items: 5 },
        ],
      },
      { name: "数据项目录", columns: [{ header: "代码", key: "key", width: 10 }], rows: [] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["合并建议", "数据项目录"]);
    const sheet = wb.getWorksheet("合并建议")!;
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([
      ["表格", "数据项数"],
      ["甲表", 3],
      ["乙表", 5],
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(20);
    expect(wb.getWorksheet("数据项目录")!.getRow(1).getCell(1).value).toBe("代码");
  });
});
