import ExcelJS from "exceljs";

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

export interface SheetOf {
  name: string;
  columns: SheetColumn[];
  /** Keyed by the columns' keys. */
  rows: Record<string, unknown>[];
}

/** The bytes of an export that is nothing but sheets of rows under their headers, in this order. */
export async function workbookOf(sheets: SheetOf[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) addSheet(wb, s.name, s.columns).addRows(s.rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
