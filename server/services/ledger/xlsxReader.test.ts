import { deflateRawSync } from "node:zlib";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsv, readLedgerFile } from "./readLedgerFile";
import { readFirstSheet } from "./xlsxReader";

const LIMITS = { maxRows: 200_000, maxInflatedBytes: 400 * 1024 * 1024 };

/** Titles of varying length made of 2-, 3- and 4-byte UTF-8 characters, so chunk boundaries land inside characters. */
function title(i: number): string {
  const pieces = ["宽城区", "导入测试表格", "é", "𠀀𪚥", "人力资源和社会保障局", "·", "😀"];
  let out = `KA${i}`;
  for (let k = 0; k < 1 + (i % 7); k++) out += pieces[(i + k) % pieces.length];
  return out;
}

async function streamedWorkbook(rows: number, sharedStrings: boolean): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: sharedStrings });
  const sheet = workbook.addWorksheet("台账");
  sheet.addRow(["事项名称", "数量"]).commit();
  for (let i = 0; i < rows; i++) sheet.addRow([title(i), i]).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A minimal zip writer so tests can build files exceljs never would: lying sizes, bad bytes. */
function zip(files: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const body = deflateRawSync(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(file.declaredSize ?? file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(file.declaredSize ?? file.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>');
const RELS = Buffer.from(
  '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
);
const sheetXml = (rows: string | Buffer) =>
  Buffer.concat([
    Buffer.from("<worksheet><sheetData>"),
    typeof rows === "string" ? Buffer.from(rows) : rows,
    Buffer.from("</sheetData></worksheet>"),
  ]);

/**
 * Rows enough for the split-character bug: 20,000 inflate to 1.3 MB of shared strings (78 inflate
 * chunks of 16 KiB, 34 of them ending inside a character) and 3.3 MB of inline-string sheet (201, 44
 * inside), counted 2026-11-30. 100,000 proved nothing more and cost five times the CPU to write.
 */
const ROUND_TRIP_ROWS = 20_000;

describe("xlsx reader", () => {
  for (const sharedStrings of [true, false]) {
    it(`round-trips ${ROUND_TRIP_ROWS.toLocaleString("en")} rows of multi-byte text byte-exact (${sharedStrings ? "shared strings" : "inline strings"})`, async () => {
      const file = await streamedWorkbook(ROUND_TRIP_ROWS, sharedStrings);
      const table = await readLedgerFile("台账.xlsx", file);
      expect(table.headers).toEqual(["事项名称", "数量"]);
      expect(table.rows).toHaveLength(ROUND_TRIP_ROWS);
      let mismatched = 0;
      table.rows.forEach((row, i) => {
        if (row.rowNumber !== i + 2 || row.cells[0] !== title(i) || row.cells[1] !== i) mismatched++;
      });
      expect(mismatched).toBe(0);
      expect(table.rows.some((r) => String(r.cells[0]).includes("\uFFFD"))).toBe(false);
    }, 120_000);
  }

  it("reads U+FFFD that the file itself contains, but refuses bytes that are not UTF-8", async () => {
    const ok = zip([
      { name: "xl/workbook.xml", data: WORKBOOK },
      { name: "xl/_rels/workbook.xml.rels", data: RELS },
      {
        name: "xl/worksheets/sheet1.xml",
        data: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>标题\uFFFD</t></is></c></row>'),
      },
    ]);
    expect((await readFirstSheet(ok, LIMITS))[0]!.cells).toEqual(["标题\uFFFD"]);
    const broken = Buffer.from('<row r="1"><c r="A1" t="inlineStr"><is><t>宽城</t></is></c></row>');
    const at = broken.indexOf(Buffer.from("城"));
    const bad = Buffer.concat([broken.subarray(0, at + 1), broken.subarray(at + 3)]); // the character cut short
    const file = zip([
      { name: "xl/workbook.xml", data: WORKBOOK },
      { name: "xl/_rels/workbook.xml.rels", data: RELS },
      { name: "xl/worksheets/sheet1.xml", data: sheetXml(bad) },
    ]);
    await expect(readFirstSheet(file, LIMITS)).rejects.toThrow(/无效的 UTF-8/);
  });

  it("refuses a zip bomb by its declared size before inflating, and by counting when the size lies", async () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join("");
    const big = sheetXml(rows);
    const parts = (declaredSize?: number) =>
      zip([
        { name: "xl/workbook.xml", data: WORKBOOK },
        { name: "xl/_rels/workbook.xml.rels", data: RELS },
        { name: "xl/worksheets/sheet1.xml", data: big, declaredSize },
      ]);
    const small = { maxRows: 1_000_000, maxInflatedBytes: 100_000 };
    await expect(readFirstSheet(parts(), small)).rejects.toThrow(/解压后超过/);
    await expect(readFirstSheet(parts(100), small)).rejects.toThrow(/解压后超过/);
    await expect(readFirstSheet(parts(), { maxRows: 5_000, maxInflatedBytes: 100_000_000 })).rejects.toThrow(
      /台账超过 5,000 行/,
    );
    expect(await readFirstSheet(parts(), { maxRows: 20_000, maxInflatedBytes: 100_000_000 })).toHaveLength(20_000);
  });

  it("reads rich text, booleans, formulas' cached values and skips phonetic runs", async () => {
    const strings =
      '<sst><si><r><t>宽城区</t></r><r><t>卫生健康局</t></r><rPh><t>ウェイ</t></rPh></si><si><t xml:space="preserve"> 空格 </t></si></sst>';
    const file = zip([
      { name: "xl/workbook.xml", data: WORKBOOK },
      {
        name: "xl/_rels/workbook.xml.rels",
        data: Buffer.from(
          RELS.toString().replace(
            "</Relationships>",
            '<Relationship Id="rId9" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
          ),
        ),
      },
      { name: "xl/sharedStrings.xml", data: Buffer.from(strings) },
      {
        name: "xl/worksheets/sheet1.xml",
        data: sheetXml(
          '<row r="3"><c r="A3" t="s"><v>0</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="str"><f>A1</f><v>式&amp;值</v></c><c r="E3" t="s"><v>1</v></c></row>',
        ),
      },
    ]);
    expect(await readFirstSheet(file, LIMITS)).toEqual([
      { number: 3, cells: ["宽城区卫生健康局", null, true, "式&值", " 空格 "] },
    ]);
  });
});

describe("CSV encodings", () => {
  const text = "区划代码,下达部门\n220103,宽城区卫生健康局\n";
  it("reads UTF-8 with and without BOM, GBK/GB18030 and UTF-16", () => {
    expect(decodeCsv(Buffer.from(text))).toBe(text);
    expect(decodeCsv(Buffer.from(`\uFEFF${text}`))).toBe(text);
    expect(decodeCsv(iconv.encode(text, "gbk"))).toBe(text);
    expect(decodeCsv(iconv.encode(`${text}𠀀`, "gb18030"))).toBe(`${text}𠀀`);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]))).toBe(text);
  });
  it("imports a GBK CSV as the same table as its UTF-8 twin", async () => {
    const utf8 = await readLedgerFile("a.csv", Buffer.from(text));
    expect(await readLedgerFile("a.csv", iconv.encode(text, "gbk"))).toEqual(utf8);
    expect(utf8.rows[0]!.cells).toEqual(["220103", "宽城区卫生健康局"]);
  });
});
