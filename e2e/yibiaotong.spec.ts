import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";
import { login } from "./helpers";

// Sign-in, the county's analysis and a second page on a busy two-core machine: the sign-in alone took 20–30 s
// there, so the whole spec had too little of the default minute. It waits on what the user sees, not on timers.
test.describe.configure({ timeout: 180_000 });

test("一表通: heat map and clusters on the demo data; accepting a proposal files an admission request", async ({
  page,
}) => {
  await login(page, "monitor", "/yibiaotong?region=220103");
  // The cells, not the first <rect> of the svg: that one is recharts' clip path, which is never visible.
  await expect(page.getByTestId("overlap-heatmap").locator(".recharts-scatter-symbol rect").first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByTestId("top-items").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.getByRole("tab", { name: /合并建议/ }).click();
  const proposals = page.getByTestId("proposal");
  expect(await proposals.count()).toBeGreaterThanOrEqual(3);
  await expect(proposals.first().getByTestId("proposal-hours")).toContainText("小时");
  const title = (await proposals.first().locator(".ant-card-head-title span").first().textContent())!;
  await proposals.first().getByTestId("proposal-accept").click();
  await expect(proposals.first()).toContainText("已采纳");
  await page.goto("/catalogue");
  await page.getByRole("tab", { name: /准入/ }).click();
  await expect(page.getByTestId("admission-table")).toContainText(title);
});

test("一表通: a blank xlsx with a two-row merged header fills the field list", async ({ page }) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("A1").value = "XX村高龄老人补贴核查表";
  ws.mergeCells("A1:E1");
  ws.getCell("A2").value = "老人姓名";
  ws.mergeCells("A2:A3");
  ws.getCell("B2").value = "补贴情况";
  ws.mergeCells("B2:C2");
  ws.getCell("B3").value = "高龄津贴";
  ws.getCell("C3").value = "银行卡号";
  ws.getCell("D2").value = "身份证号";
  ws.mergeCells("D2:D3");
  ws.getCell("E2").value = "联系电话";
  ws.mergeCells("E2:E3");
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  await login(page, "monitor", "/yibiaotong?region=220103");
  await page.getByRole("tab", { name: "表格与字段" }).click();
  await page.getByTestId("form-add").click();
  await page.getByTestId("form-title").fill("高龄老人补贴核查表");
  await page.locator("input[type=file]").setInputFiles({
    name: "高龄老人补贴核查表.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer,
  });
  await expect(page.getByTestId("form-fields")).toHaveValue("老人姓名\n高龄津贴\n银行卡号\n身份证号\n联系电话");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("form-table")).toContainText("高龄老人补贴核查表");
});
