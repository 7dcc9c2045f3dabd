// Field list from an uploaded blank form: the header of the first sheet of an
// xlsx, or the first table of a docx (read from word/document.xml).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { headerFields, type BlankFormHeader, type HeaderCell } from "../../domain/formOverlap/headers";
import { UserInputError } from "../errors";

const MAX_BYTES = 10 * 1024 * 1024;
const HEADER_ROWS = 10;

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object" || value instanceof Date) return String(value);
  const v = value as { richText?: { text: string }[]; text?: string; result?: unknown };
  if (v.richText) return v.richText.map((r) => r.text).join("");
  if (typeof v.text === "string") return v.text;
  if ("result" in v) return cellText(v.result);
  return "";
}

async function xlsxRows(buffer: Buffer): Promise<HeaderCell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new UserInputError("无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UserInputError("工作簿中没有工作表");
  const width = Math.min(sheet.columnCount, 200);
  const rows: HeaderCell[][] = [];
  for (let r = 1; r <= Math.min(sheet.rowCount, HEADER_ROWS); r++) {
    const row = sheet.getRow(r);
    const cells: HeaderCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const master = cell.isMerged ? cell.master : cell;
      cells.push({
        text: master === cell ? cellText(cell.value).trim() : "",
        mergedFromAbove: master !== cell && Number(master.row) < r,
        mergedFromLeft: master !== cell && Number(master.row) === r && Number(master.col) < c,
      });
    }
    rows.push(cells);
  }
  return rows;
}

const decode = (xml: string) =>
  xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

async function docxRows(buffer: Buffer): Promise<HeaderCell[][]> {
  let xml: string | undefined;
  try {
    xml = await (await JSZip.loadAsync(buffer)).file("word/document.xml")?.async("string");
  } catch {
    throw new UserInputError("无法读取该 Word 文件，请确认是 .docx 格式");
  }
  if (!xml) throw new UserInputError("无法读取该 Word 文件，请确认是 .docx 格式");
  const table = /<w:tbl>([\s\S]*?)<\/w:tbl>/.exec(xml)?.[1];
  if (!table) throw new UserInputError("Word 文件中没有表格，请上传带表头的空白表");
  const rows: HeaderCell[][] = [];
  for (const tr of table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g)?.slice(0, HEADER_ROWS) ?? []) {
    const cells: HeaderCell[] = [];
    for (const tc of tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) {
      const text = decode(
        (tc.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join(""),
      ).trim();
      const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1);
      // <w:vMerge/> without val="restart" continues the cell above.
      const continued = /<w:vMerge(?! w:val="restart")[^>]*\/>/.test(tc) || /<w:vMerge w:val="continue"/.test(tc);
      cells.push({ text: continued ? "" : text, mergedFromAbove: continued });
      for (let s = 1; s < span; s++) cells.push({ text: "", mergedFromLeft: true, mergedFromAbove: continued });
    }
    rows.push(cells);
  }
  return rows;
}

/** The fields a blank form asks for, or a Chinese error naming what is wrong with the file. */
export async function readBlankForm(buffer: Buffer, fileName: string): Promise<BlankFormHeader> {
  if (buffer.length > MAX_BYTES) throw new UserInputError("文件超过 10 MB，请上传空白表格");
  const lower = fileName.toLowerCase();
  let rows: HeaderCell[][];
  if (lower.endsWith(".xlsx")) rows = await xlsxRows(buffer);
  else if (lower.endsWith(".docx")) rows = await docxRows(buffer);
  else throw new UserInputError("只支持 .xlsx 或 .docx 格式的空白表格");
  const header = headerFields(rows);
  if (!header || header.fields.length === 0) throw new UserInputError("没有找到表头：请确认表格前几行中有字段名称");
  return header;
}
