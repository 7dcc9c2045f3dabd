import { expect, test } from "./fixtures";
import { login, pickOption } from "./helpers";

test("a monitor records a violation, the inspector's open inbox shows it live, acknowledges it, and the monitor sees the acknowledgement", async ({
  browser,
}) => {
  const inspectorContext = await browser.newContext({ locale: "zh-CN" });
  const monitorContext = await browser.newContext({ locale: "zh-CN" });
  const inspector = await inspectorContext.newPage();
  const monitor = await monitorContext.newPage();

  await login(inspector, "inspector");
  await inspector.getByRole("link", { name: /预警/ }).click();
  await expect(inspector.getByTestId("alert-inbox")).toBeVisible();
  await expect(inspector.getByTestId("realtime-status")).toContainText("实时连接正常");

  await login(monitor, "monitor_kc", "/records");
  await monitor.getByTestId("new-record").click();
  await pickOption(monitor, "record-kind", "督查检查考核");
  await monitor.getByLabel("事项名称").fill("E2E计划外暗访检查");
  await pickOption(monitor, "record-department", "宽城区委组织部");
  await monitor.getByLabel("组织单位").fill("县委督查室");
  await monitor.getByTestId("record-submit").click();
  await expect(monitor.getByText("记录已保存")).toBeVisible();
  // Away from the inbox, the navigation badge counts the new alerts.
  await expect(monitor.getByTestId("alerts-badge")).toContainText(/\d/);

  // No reload on the inspector's side: the alert arrives over the socket.
  const row = inspector.getByTestId("alert-inbox").locator("tr").filter({ hasText: "督查检查考核违规" });
  await expect(row.first()).toBeVisible({ timeout: 5000 });
  await row.first().getByTestId("ack-alert").click();
  await inspector.getByTestId("ack-reason").fill("已联系县委督查室核实，暂停计划外检查");
  await inspector.locator(".ant-modal:visible").getByRole("button", { name: "确定" }).click();
  await expect(row.first()).toContainText("已签收");

  await monitor.goto("/alerts");
  const seenByMonitor = monitor
    .getByTestId("alert-inbox")
    .locator("tr")
    .filter({ hasText: "督查检查考核违规" })
    .first();
  await expect(seenByMonitor).toContainText("已签收");
  await seenByMonitor.getByRole("link").first().click();
  await expect(monitor.getByTestId("alert-timeline")).toContainText("已联系县委督查室核实");

  await inspectorContext.close();
  await monitorContext.close();
});

test("a published exposure case appears live in the inspector's list", async ({ browser }) => {
  const inspectorContext = await browser.newContext({ locale: "zh-CN" });
  const drafterContext = await browser.newContext({ locale: "zh-CN" });
  const approverContext = await browser.newContext({ locale: "zh-CN" });
  const inspector = await inspectorContext.newPage();
  const drafter = await drafterContext.newPage();
  const approver = await approverContext.newPage();

  await login(inspector, "inspector");
  await inspector.getByRole("link", { name: "通报曝光" }).click();
  await expect(inspector.getByTestId("exposure-table")).toBeVisible();

  await login(drafter, "monitor_kc", "/exposure");
  await drafter.getByTestId("new-exposure").click();
  await pickOption(drafter, "exposure-department", "宽城区卫生健康局");
  await drafter.getByTestId("exposure-title").fill("E2E要求村医每日打卡");
  await drafter.getByTestId("exposure-demanded").fill("宽城区卫生健康局要求村医每日在工作群打卡并上传照片");
  await drafter.getByTestId("exposure-rectification").fill("停止打卡要求，解散打卡群");
  await drafter.getByTestId("exposure-save").click();
  await expect(drafter.getByText("已保存为草稿")).toBeVisible();
  await drafter
    .getByTestId("exposure-table")
    .locator("tr")
    .filter({ hasText: "E2E要求村医每日打卡" })
    .getByRole("button", { name: "提交审批" })
    .click();

  await login(approver, "monitor", "/exposure");
  await approver
    .getByTestId("exposure-table")
    .locator("tr")
    .filter({ hasText: "E2E要求村医每日打卡" })
    .getByTestId("publish-exposure")
    .click();

  await expect(inspector.getByTestId("exposure-table")).toContainText("E2E要求村医每日打卡", { timeout: 5000 });
  await expect(inspector.getByTestId("exposure-table")).toContainText("已发布");

  await inspectorContext.close();
  await drafterContext.close();
  await approverContext.close();
});
