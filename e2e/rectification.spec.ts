import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pngWithText } from "../server/test/pngFixture";
import { login, pickOption, SLOW_PICK_TIMEOUTS } from "./helpers";

// Saving a record re-evaluates alerts; on a machine shared by eight builds that can take a while.
const slow = expect.configure({ timeout: 60_000 });

/** pickOption with room for a loaded machine (eight builds at once). */
const pickSlowly = (page: Page, testId: string, label: string) => pickOption(page, testId, label, SLOW_PICK_TIMEOUTS);

test("a monitor lists two violating records for rectification; the department sees it live, submits a photo; the monitor accepts; the records are withdrawn", async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const departmentContext = await browser.newContext({ locale: "zh-CN" });
  const monitorContext = await browser.newContext({ locale: "zh-CN" });
  const department = await departmentContext.newPage();
  const monitor = await monitorContext.newPage();
  const titles = ["E2E整改村级台账甲", "E2E整改村级台账乙"];

  // The department account lands on its own workspace.
  await login(department, "dept");
  await expect(department).toHaveURL(/\/department/);
  await expect(department.getByTestId("department-items")).toBeVisible();

  await login(monitor, "monitor_kc", "/records");
  for (const title of titles) {
    await monitor.getByTestId("new-record").click();
    // 填报表格 is the form's default kind.
    await expect(monitor.getByTestId("record-kind")).toContainText("填报表格");
    await monitor.getByLabel("事项名称").fill(title);
    await pickSlowly(monitor, "record-department", "宽城区卫生健康局");
    await monitor.getByTestId("record-submit").click();
    await slow(monitor.getByTestId("records-table").locator("tr").filter({ hasText: title })).toBeVisible();
  }
  for (const title of titles) {
    const row = monitor.getByTestId("records-table").locator("tr").filter({ hasText: title });
    await expect(row).toContainText("违规");
    await row.locator(".ant-checkbox-input").check();
  }
  await monitor.getByTestId("create-items").click();
  await monitor.getByTestId("create-items-title").fill("E2E 宽城区卫生健康局两张未入目录表格");
  await monitor.getByTestId("create-items-ok").click();
  await slow(monitor.getByText("已生成 1 项整改事项").first()).toBeVisible();
  for (const title of titles)
    await expect(monitor.getByTestId("records-table").locator("tr").filter({ hasText: title })).toContainText("整改中");

  // No reload on the department's side: the item arrives over its socket.
  const item = department
    .getByTestId("department-items")
    .locator("tr")
    .filter({ hasText: "E2E 宽城区卫生健康局两张未入目录表格" });
  await slow(item).toBeVisible();
  await item.click();
  const drawer = department.getByTestId("item-drawer");
  await expect(drawer).toContainText(titles[0]!);
  await drawer
    .locator("input[type=file]")
    .setInputFiles({ name: "撤回通知.png", mimeType: "image/png", buffer: pngWithText("GPS 43.9N 125.3E") });
  await expect(drawer.getByText("待提交")).toBeVisible();
  await drawer.getByTestId("item-measures").fill("已印发撤回通知，停止向各村下发两张表格");
  await drawer.getByTestId("item-submit").click();
  await slow(drawer.getByTestId("item-state")).toContainText("已提交");

  await monitor.goto("/rectification");
  const listed = monitor
    .getByTestId("items-table")
    .locator("tr")
    .filter({ hasText: "E2E 宽城区卫生健康局两张未入目录表格" });
  await slow(listed).toContainText("已提交");
  await listed.click();
  const review = monitor.getByTestId("item-drawer");
  await slow(review).toContainText("已印发撤回通知");
  await expect(review.locator("img")).toHaveCount(1);
  await review.getByTestId("item-accept").click();
  await slow(review.getByTestId("item-state")).toContainText("已销号");

  // The department sees the 销号 live; the record list shows the records withdrawn.
  await expect(
    department
      .getByTestId("department-items")
      .locator("tr")
      .filter({ hasText: "E2E 宽城区卫生健康局两张未入目录表格" }),
  ).toHaveCount(0, { timeout: 60_000 });
  await monitor.goto("/records");
  await monitor.getByText("含已撤回").click();
  for (const title of titles)
    await expect(monitor.getByTestId("records-table").locator("tr").filter({ hasText: title })).toContainText("已撤回");

  await departmentContext.close();
  await monitorContext.close();
});
