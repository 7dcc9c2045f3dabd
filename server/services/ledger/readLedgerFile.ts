import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Cell } from "../../domain/ledger";
import { UserInputError } from "../errors";

export interface LedgerTable {
  headers: Cell[];
  /** Data rows with their 1-based row number in the file. */
  rows: { rowNumber: number; cells: Cell[] }[];
}

function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== "object") return value as Cell;
  const v = value as { richText?: { text: string }[]; text?: string; result?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join("");
  if ("result" in v) return plain(v.result);
  if (typeof v.text === "string") return v.text;
  if (v.error) return null;
  return String(value);
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || c === undefined || String(c).trim() === "");

function collect(rows: Iterable<{ number: number; cells: Cell[] }>): LedgerTable {
  let headers: Cell[] | null = null;
  const out: LedgerTable["rows"] = [];
  for (const { number, cells } of rows) {
    if (headers === null) {
      if (!isBlank(cells)) headers = cells;
    } else if (!isBlank(cells)) out.push({ rowNumber: number, cells });
  }
  if (!headers) throw new UserInputError("文件中没有表头行");
  return { headers, rows: out };
}

const cellsOf = (row: ExcelJS.Row) => ({ number: row.number, cells: (row.values as unknown[]).slice(1).map(plain) });

/** Streaming read of the first sheet: lower memory for large ledgers. */
async function streamXlsx(buffer: Buffer): Promise<LedgerTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), { sharedStrings: "cache", worksheets: "emit", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  const rows: { number: number; cells: Cell[] }[] = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) rows.push(cellsOf(row));
    break; // the first sheet holds the ledger; later sheets (说明) are ignored
  }
  return collect(rows);
}

/** Whole-workbook read, used when the streaming reader trips over the zip's entry order. */
async function loadXlsx(buffer: Buffer): Promise<LedgerTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UserInputError("工作簿中没有工作表");
  const rows: { number: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => rows.push(cellsOf(row)));
  return collect(rows);
}

async function readXlsx(buffer: Buffer): Promise<LedgerTable> {
  try {
    return await streamXlsx(buffer);
  } catch (error) {
    if (error instanceof UserInputError) throw error;
    // exceljs's streaming reader sometimes reads a sheet before workbook.xml
    // (a race on entry order); the whole-workbook reader has no such race.
    try {
      return await loadXlsx(buffer);
    } catch (second) {
      if (second instanceof UserInputError) throw second;
      if (process.env.LEDGER_DEBUG) console.error(error, second);
      throw new UserInputError("无法读取该 xlsx 文件：文件已损坏或不是 Excel 工作簿");
    }
  }
}

function readCsv(buffer: Buffer): LedgerTable {
  let text = buffer.toString("utf8");
  if (text.includes("\uFFFD")) throw new UserInputError("CSV 文件须为 UTF-8 编码（可在 Excel 中“另存为 CSV UTF-8”）");
  text = text.replace(/^\uFEFF/, "");
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new UserInputError(`CSV 格式有误：${error instanceof Error ? error.message.replace(/^Invalid.*?:/, "") : ""}`);
  }
  const headerIndex = records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) throw new UserInputError("文件中没有表头行");
  return {
    headers: records[headerIndex]!,
    rows: records.flatMap((cells, i) => (i > headerIndex && !isBlank(cells) ? [{ rowNumber: i + 1, cells }] : [])),
  };
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads an xlsx or csv ledger; the type is told by content, not only by name. */
export async function readLedgerFile(fileName: string, buffer: Buffer): Promise<LedgerTable> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) {
    if (!buffer.subarray(0, 4).equals(XLSX_MAGIC)) throw new UserInputError("文件扩展名为 .xlsx，但内容不是 Excel 工作簿");
    return readXlsx(buffer);
  }
  if (lower.endsWith(".csv")) return readCsv(buffer);
  throw new UserInputError("只支持 .xlsx 或 .csv 文件（旧版 .xls 请先另存为 .xlsx）");
}
