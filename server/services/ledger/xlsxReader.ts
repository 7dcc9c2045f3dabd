// The first worksheet of an xlsx, read as a stream. exceljs's streaming reader
// decoded each inflated chunk on its own, so a Chinese character split across
// two chunks became U+FFFD; here one streaming decoder spans the whole entry and
// refuses bytes that are not UTF-8 instead of replacing them.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { Cell } from "../../domain/ledger";
import { UserInputError } from "../errors";
import { inflateEntry, InflateBudget, listZipEntries, type ZipEntry } from "./zipEntries";

export interface XlsxLimits {
  /** Uncompressed bytes of all XML read from one file. */
  maxInflatedBytes: number;
  /** Data rows of the first sheet. */
  maxRows: number;
}

export interface SheetRow {
  number: number;
  cells: Cell[];
}

type Handlers = {
  open?: (name: string, attributes: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

async function parseXml(zip: Buffer, entry: ZipEntry, budget: InflateBudget, handlers: Handlers): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | undefined;
  parser.on("error", (error) => (failure ??= error));
  if (handlers.open)
    parser.on("opentag", (tag) => handlers.open!(localName(tag.name), (tag as SaxesTagPlain).attributes));
  if (handlers.close) parser.on("closetag", (tag) => handlers.close!(localName(tag.name)));
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new UserInputError(
        `xlsx 文件中的 ${entry.name} 含有无效的 UTF-8 字节：文件可能已损坏，请在 Excel 中重新保存后导入`,
      );
    }
  };
  for await (const chunk of inflateEntry(zip, entry, budget)) {
    parser.write(decode(chunk));
    if (failure) break;
  }
  if (!failure) parser.write(decode()).close();
  if (failure) throw new UserInputError(`无法读取该 xlsx 文件：${entry.name} 不是有效的 XML`);
}

function entryOrThrow(entries: Map<string, ZipEntry>, name: string): ZipEntry {
  const entry = entries.get(name);
  if (!entry) throw new UserInputError("无法读取该 xlsx 文件：文件已损坏或不是 Excel 工作簿");
  return entry;
}

/** Path of the first sheet and of the shared strings, as workbook.xml and its relationships name them. */
async function locateParts(zip: Buffer, entries: Map<string, ZipEntry>, budget: InflateBudget) {
  let firstSheetRel: string | undefined;
  await parseXml(zip, entryOrThrow(entries, "xl/workbook.xml"), budget, {
    open: (name, attrs) => {
      if (name === "sheet" && firstSheetRel === undefined)
        firstSheetRel = Object.entries(attrs).find(([k]) => localName(k) === "id")?.[1];
    },
  });
  const targets = new Map<string, { type: string; target: string }>();
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (rels) {
    await parseXml(zip, rels, budget, {
      open: (name, attrs) => {
        if (name === "Relationship" && attrs.Id && attrs.Target)
          targets.set(attrs.Id, { type: attrs.Type ?? "", target: attrs.Target });
      },
    });
  }
  const resolve = (target: string) => (target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  const sheetTarget = firstSheetRel ? targets.get(firstSheetRel)?.target : undefined;
  const sheet = sheetTarget ? resolve(sheetTarget) : "xl/worksheets/sheet1.xml";
  const stringsTarget = [...targets.values()].find((t) => t.type.endsWith("/sharedStrings"))?.target;
  const sharedStrings = stringsTarget ? resolve(stringsTarget) : "xl/sharedStrings.xml";
  return { sheet, sharedStrings: entries.has(sharedStrings) ? sharedStrings : null };
}

async function readSharedStrings(zip: Buffer, entry: ZipEntry, budget: InflateBudget): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] = [];
  let inText = false;
  let phonetic = 0; // <rPh> runs carry pronunciation guides, not the cell's text
  await parseXml(zip, entry, budget, {
    open: (name) => {
      if (name === "si") current = [];
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) inText = true;
    },
    text: (text) => {
      if (inText) current.push(text);
    },
    close: (name) => {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") strings.push(current.join(""));
    },
  });
  return strings;
}

function columnIndex(ref: string | undefined, fallback: number): number {
  const letters = ref?.match(/^[A-Z]+/i)?.[0];
  if (!letters) return fallback;
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

function cellValue(type: string, value: string, inline: string, strings: string[]): Cell {
  switch (type) {
    case "s":
      return strings[Number(value)] ?? null;
    case "inlineStr":
      return inline;
    case "str":
    case "d":
      return value;
    case "b":
      return value.trim() === "1";
    case "e":
      return null;
    default: {
      if (value.trim() === "") return null;
      const n = Number(value);
      return Number.isFinite(n) ? n : value;
    }
  }
}

/** Rows of the first worksheet with their 1-based number; blank rows are left out. */
export async function readFirstSheet(zip: Buffer, limits: XlsxLimits): Promise<SheetRow[]> {
  const entries = listZipEntries(zip);
  const budget = new InflateBudget(limits.maxInflatedBytes);
  const { sheet, sharedStrings } = await locateParts(zip, entries, budget);
  const sheetEntry = entryOrThrow(entries, sheet);
  const declared = sheetEntry.size + (sharedStrings ? entries.get(sharedStrings)!.size : 0);
  if (budget.used + declared > limits.maxInflatedBytes) budget.take(declared); // refuse before inflating anything large
  const strings = sharedStrings ? await readSharedStrings(zip, entries.get(sharedStrings)!, budget) : [];

  const rows: SheetRow[] = [];
  let rowNumber = 0;
  let cells: Cell[] = [];
  let column = -1;
  let type = "n";
  let value: string[] = [];
  let inline: string[] = [];
  let capture: "v" | "t" | null = null;
  let phonetic = 0;
  await parseXml(zip, sheetEntry, budget, {
    open: (name, attrs) => {
      if (name === "row") {
        rowNumber = Number(attrs.r) || rowNumber + 1;
        cells = [];
        column = -1;
      } else if (name === "c") {
        column = columnIndex(attrs.r, column + 1);
        type = attrs.t ?? "n";
        value = [];
        inline = [];
      } else if (name === "v") capture = "v";
      else if (name === "rPh") phonetic++;
      else if (name === "t" && phonetic === 0) capture = "t";
    },
    text: (text) => {
      if (capture === "v") value.push(text);
      else if (capture === "t") inline.push(text);
    },
    close: (name) => {
      if (name === "v" || name === "t") capture = null;
      else if (name === "rPh") phonetic--;
      else if (name === "c") cells[column] = cellValue(type, value.join(""), inline.join(""), strings);
      else if (name === "row") {
        if (cells.some((c) => c !== null && c !== undefined && String(c).trim() !== "")) {
          // +1: the header row is not a data row
          if (rows.length >= limits.maxRows + 1) {
            throw new UserInputError(
              `台账超过 ${limits.maxRows.toLocaleString("zh-CN")} 行，无法一次导入：请拆分为多个文件后分别导入`,
            );
          }
          rows.push({ number: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
        }
      }
    },
  });
  return rows;
}
