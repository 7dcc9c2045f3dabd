// A hand-made 证明事项 ledger as a user fills one in: the headers are written out
// here (not read from domain/ledger) so a renamed column shows up as a failure.
import ExcelJS from "exceljs";

export const CERTIFICATE_HEADERS = [
  "区划代码",
  "下达部门",
  "事项名称",
  "发生日期",
  "数量",
  "证明名称",
  "索要单位",
  "是否有法律依据",
  "法律依据",
  "佐证说明",
];

/** An xlsx with one sheet 台账: the header row, then the rows. */
export async function ledgerWorkbook(headers: readonly string[], rows: readonly unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("台账");
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
