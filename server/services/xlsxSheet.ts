import type ExcelJS from "exceljs";

export interface SheetColumn {
  header: string;
  key: string;
  width: number;
}

/** A worksheet with these columns under a bold header row: how every export and template sheet starts. */
export function addSheet(wb: ExcelJS.Workbook, name: string, columns: SheetColumn[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  return ws;
}
