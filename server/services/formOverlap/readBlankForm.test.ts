import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readBlankForm } from "./readBlankForm";

async function twoRowXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表1");
  ws.getCell("A1").value = "XX村农村低保对象动态管理台账";
  ws.mergeCells("A1:G1");
  ws.getCell("A2").value = "序号";
  ws.mergeCells("A2:A3");
  ws.getCell("B2").value = "户主姓名";
  ws.mergeCells("B2:B3");
  ws.getCell("C2").value = "家庭成员情况";
  ws.mergeCells("C2:E2");
  ws.getCell("C3").value = "姓名";
  ws.getCell("D3").value = "身份证号";
  ws.getCell("E3").value = "与户主关系";
  ws.getCell("F2").value = { richText: [{ text: "低保" }, { text: "金额（元）" }] };
  ws.mergeCells("F2:F3");
  ws.getCell("G2").value = "联系电话";
  ws.mergeCells("G2:G3");
  ws.addRow([1, "张三", "张三", "220103199001011234", "本人", 500, "13800000000"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell = (text: string, props = "") =>
  `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

async function twoRowDocx(): Promise<Buffer> {
  const zip = new JSZip();
  const rows = [
    `<w:tr>${cell("姓名", '<w:vMerge w:val="restart"/>')}${cell("残疾情况", '<w:gridSpan w:val="2"/>')}${cell("联系电话 &amp; 手机", '<w:vMerge w:val="restart"/>')}</w:tr>`,
    `<w:tr>${cell("", "<w:vMerge/>")}${cell("残疾证号")}${cell("残疾等级")}${cell("", "<w:vMerge/>")}</w:tr>`,
    `<w:tr>${cell("李四")}${cell("2201")}${cell("二级")}${cell("139")}</w:tr>`,
  ];
  zip.file(
    "word/document.xml",
    `<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>残疾人信息表</w:t></w:r></w:p><w:tbl>${rows.join("")}</w:tbl></w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("reading a blank form", () => {
  it("xlsx: merged title row skipped, two-row merged header read to its leaf fields", async () => {
    const header = await readBlankForm(await twoRowXlsx(), "低保台账.xlsx");
    expect(header.fields).toEqual(["序号", "户主姓名", "姓名", "身份证号", "与户主关系", "低保金额（元）", "联系电话"]);
    expect(header.groups).toEqual([{ title: "家庭成员情况", fields: ["姓名", "身份证号", "与户主关系"] }]);
    expect(header.headerRow).toBe(2);
  });
  it("xlsx: a one-row header after a title row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = "退役军人信息采集表";
    ws.mergeCells("A1:C1");
    ws.addRow(["姓名", "入伍时间", "退役时间"]);
    ws.addRow(["王五", "2001-12", "2005-12"]);
    const header = await readBlankForm(Buffer.from(await wb.xlsx.writeBuffer()), "a.XLSX");
    expect(header.fields).toEqual(["姓名", "入伍时间", "退役时间"]);
  });
  it("docx: the first table's header with gridSpan and vMerge", async () => {
    const header = await readBlankForm(await twoRowDocx(), "残疾人信息表.docx");
    expect(header.fields).toEqual(["姓名", "残疾证号", "残疾等级", "联系电话 & 手机"]);
  });
  it("refuses other formats and broken files with a Chinese reason", async () => {
    await expect(readBlankForm(Buffer.from("x"), "a.pdf")).rejects.toThrow("只支持 .xlsx 或 .docx");
    await expect(readBlankForm(Buffer.from("not a zip"), "a.xlsx")).rejects.toThrow("无法读取该 Excel 文件");
    await expect(readBlankForm(Buffer.from("not a zip"), "a.docx")).rejects.toThrow("无法读取该 Word 文件");
  });
});
