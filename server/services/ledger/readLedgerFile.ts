import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { Cell } from "../../domain/ledger";
import { UserInputError } from "../errors";
import { readFirstSheet, type XlsxLimits } from "./xlsxReader";

export interface LedgerTable {
  headers: Cell[];
  /** Data rows with their 1-based row number in the file. */
  rows: { rowNumber: number; cells: Cell[] }[];
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

/** Limits that keep one upload from taking the server's memory: a zip bomb is refused while it inflates. */
export function ledgerLimits(): XlsxLimits {
  const env = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    maxRows: env("LEDGER_MAX_ROWS", 200_000),
    maxInflatedBytes: env("LEDGER_MAX_INFLATED_MB", 400) * 1024 * 1024,
  };
}

async function readXlsx(buffer: Buffer, limits: XlsxLimits): Promise<LedgerTable> {
  return collect(await readFirstSheet(buffer, limits));
}

/**
 * CSV as saved by Excel: UTF-8 (with or without BOM), UTF-16 with BOM, or the
 * GBK/GB18030 of Chinese Windows' plain “CSV (逗号分隔)”. Bytes that are not
 * valid UTF-8 are read as GB18030 (a superset of GBK) rather than replaced.
 */
export function decodeCsv(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return iconv.decode(buffer.subarray(2), "utf-16le");
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return iconv.decode(buffer.subarray(2), "utf-16be");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buffer).replace(/^\uFEFF/, "");
  } catch {
    const text = iconv.decode(buffer, "gb18030");
    if (text.includes("\uFFFD"))
      throw new UserInputError("CSV 文件编码无法识别：请在 Excel 中“另存为 CSV UTF-8”后导入");
    return text;
  }
}

function readCsv(buffer: Buffer, limits: XlsxLimits): LedgerTable {
  const text = decodeCsv(buffer);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new UserInputError(
      `CSV 格式有误：${error instanceof Error ? error.message.replace(/^Invalid.*?:/, "") : ""}`,
    );
  }
  if (records.length > limits.maxRows + 1)
    throw new UserInputError(
      `台账超过 ${limits.maxRows.toLocaleString("zh-CN")} 行，无法一次导入：请拆分为多个文件后分别导入`,
    );
  const headerIndex = records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) throw new UserInputError("文件中没有表头行");
  return {
    headers: records[headerIndex]!,
    rows: records.flatMap((cells, i) => (i > headerIndex && !isBlank(cells) ? [{ rowNumber: i + 1, cells }] : [])),
  };
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads an xlsx or csv ledger; the type is told by content, not only by name. */
export async function readLedgerFile(
  fileName: string,
  buffer: Buffer,
  limits: XlsxLimits = ledgerLimits(),
): Promise<LedgerTable> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) {
    if (!buffer.subarray(0, 4).equals(XLSX_MAGIC))
      throw new UserInputError("文件扩展名为 .xlsx，但内容不是 Excel 工作簿");
    return readXlsx(buffer, limits);
  }
  if (lower.endsWith(".csv")) return readCsv(buffer, limits);
  throw new UserInputError("只支持 .xlsx 或 .csv 文件（旧版 .xls 请先另存为 .xlsx）");
}
