import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";
import { login, pickOption } from "./helpers";

test("a monitor records a screenshot demand through the form and sees it flagged under clause 3", async ({ page }) => {
  await login(page, "monitor_kc");
  await page.getByRole("link", { name: "数据采集" }).click();
  await page.getByTestId("new-record").click();
  await pickOption(page, "record-kind", "截图/录像/定位留痕要求");
  await page.getByLabel("事项名称").fill("E2E每日上传巡查截图");
  await pickOption(page, "record-department", "宽城区应急管理局");
  await page.getByLabel("留痕方式").fill("截图");
  await page.getByTestId("record-submit").click();
  await expect(page.getByText("记录已保存")).toBeVisible();
  const row = page.getByTestId("records-table").locator("tr").filter({ hasText: "E2E每日上传巡查截图" });
  await expect(row).toContainText("违规·第3条");
});

test("a department applies for a form, a monitor approves it, and a record of that form is then not a violation", async ({
  page,
}) => {
  const formName = "E2E村级志愿服务登记表";
  await login(page, "dept");
  await page.getByRole("link", { name: "目录与准入" }).click();
  await page.getByTestId("admission-name").fill(formName);
  await page.getByLabel("每年允许填报次数").fill("4");
  await page.getByTestId("admission-submit").click();
  await expect(page.getByText("准入申请已提交")).toBeVisible();
  await expect(page.getByTestId("admission-table")).toContainText("待审批");
  await page.getByRole("button", { name: "退出登录" }).click();

  await login(page, "monitor_kc");
  await page.getByRole("link", { name: "目录与准入" }).click();
  const request = page.getByTestId("admission-table").locator("tr").filter({ hasText: formName });
  await request.getByRole("button", { name: "批准" }).click();
  await page.locator(".ant-modal:visible").getByRole("button", { name: "批准" }).click();
  await expect(page.getByText(/已批准/).first()).toBeVisible();
  await expect(request).toContainText("已批准");

  await page.getByRole("link", { name: "数据采集" }).click();
  await page.getByTestId("new-record").click();
  await page.getByLabel("事项名称").fill(formName);
  await pickOption(page, "record-department", "宽城区民政局");
  await page.getByLabel("每年填报次数").fill("4");
  await page.getByTestId("record-submit").click();
  await expect(page.getByText("记录已保存")).toBeVisible();
  await expect(page.getByTestId("records-table").locator("tr").filter({ hasText: formName }).first()).toContainText(
    "合规",
  );
});

test("a village cadre files an anonymous direct report and a monitor converts it into a record", async ({ page }) => {
  await page.goto("/report");
  await page.getByTestId("access-code").fill("KCQ2-DEMO");
  await page.getByRole("button", { name: "进入" }).click();
  await expect(page.getByTestId("report-village")).toContainText("宽城区");
  await pickOption(page, "report-kind", "证明事项");
  await page.getByTestId("report-department").locator("input").fill("宽城区公安局");
  await page.getByTestId("report-content").fill("E2E要求村里给村民开具无犯罪证明");
  await page.getByTestId("report-submit").click();
  const receipt = (await page.getByTestId("receipt-no").innerText()).trim().slice(0, 16);
  expect(receipt).toMatch(/^ZB\d{8}[A-Z0-9]{6}$/);

  await login(page, "monitor_kc");
  await page.getByRole("link", { name: "直报" }).click();
  const row = page.getByTestId("reports-table").locator("tr").filter({ hasText: receipt });
  await expect(row).toContainText("匿名");
  await row.getByTestId("convert-report").click();
  await page.getByLabel("证明名称").fill("无犯罪证明");
  await page.getByTestId("record-submit").click();
  await expect(row).toContainText("已转为记录");

  await page.goto("/report");
  await page.getByRole("tab", { name: "查询办理进度" }).click();
  await page.getByTestId("receipt-input").locator("input").fill(receipt);
  await page.getByTestId("receipt-input").locator("input").press("Enter");
  await expect(page.getByTestId("receipt-status")).toContainText("已核实，纳入监测");
});

test("a monitor imports an xlsx ledger with a progress bar; a bad file is rejected with the row named", async ({
  page,
}, testInfo) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("台账");
  sheet.addRow(["区划代码", "下达部门", "事项名称", "发生日期", "数量", "组织单位"]);
  sheet.addRow(["220103", "宽城区委组织部", "E2E专项暗访", "2026-10-08", 1, "县委督查室"]);
  sheet.addRow(["220103", "宽城区委组织部", "E2E专项暗访", "2026-13-08", 1, "县委督查室"]);
  const bad = testInfo.outputPath("bad.xlsx");
  await workbook.xlsx.writeFile(bad);
  sheet.getRow(3).getCell(4).value = "2026-11-08";
  const good = testInfo.outputPath("good.xlsx");
  await workbook.xlsx.writeFile(good);

  await login(page, "monitor_kc");
  await page.getByRole("link", { name: "数据采集" }).click();
  await page.getByTestId("open-import").click();
  await pickOption(page, "import-kind", "督查检查考核");
  await page.locator(".ant-modal input[type=file]").setInputFiles(bad);
  await page.getByTestId("import-start").click();
  await expect(page.getByTestId("import-error")).toContainText("整份文件未导入");
  await expect(page.getByTestId("import-errors")).toContainText("发生日期");
  await expect(page.getByTestId("import-errors")).toContainText("3");

  await page.locator(".ant-modal input[type=file]").setInputFiles(good);
  await page.getByTestId("import-start").click();
  await expect(page.getByTestId("import-result")).toContainText("新增 2 条");
  await expect(page.getByTestId("import-progress")).toContainText("完成");
});
