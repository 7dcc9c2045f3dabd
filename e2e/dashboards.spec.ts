import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { login, pickOption } from "./helpers";

/** Calls a tRPC query with the page's session cookie, as the browser would. */
async function query<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

type Overview = { period: number; headlines: { key: string; value: number }[]; children: { name: string }[] };

const shown = (value: number) => value.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test("总览 as a monitor: headline figures match the metrics engine, charts are drawn", async ({ page }) => {
  await login(page, "monitor");
  await expect(page).toHaveURL(/\/overview/);
  await expect(page.getByTestId("overview-title")).toContainText("长春市");
  const data = await query<Overview>(page, "metrics.overview", { regionCode: "2201" });
  for (const key of ["forms", "groups", "hours"]) {
    const value = data.headlines.find((h) => h.key === key)!.value;
    await expect(page.getByTestId(`headline-${key}`)).toContainText(shown(value));
  }
  await expect(page.getByTestId("trend-chart").locator(".recharts-line")).toHaveCount(10);
  await expect(page.getByTestId("children-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("drilldown-table").locator("tbody tr")).toHaveCount(15);
  // Drill down one level.
  await page.getByTestId("drilldown-table").getByRole("link", { name: "宽城区", exact: true }).click();
  await expect(page.getByTestId("overview-title")).toContainText("宽城区");
});

test("排名 as a monitor: ranked peers with intervals, funnel plot, department league and export", async ({ page }) => {
  await login(page, "monitor");
  await page.getByRole("link", { name: "排名" }).click();
  await expect(page.getByTestId("ranking-title")).toContainText("长春市下级单位减负排名");
  await expect(page.getByTestId("ranking-table").locator("tbody tr")).toHaveCount(15);
  // Rank and its range read as one statement; the range always contains the rank.
  await expect(page.getByTestId("ranking-table").locator("tbody tr").first().locator("td").first()).toContainText(
    /^第1位(，名次稳定|，可能在第1–\d+位之间)/,
  );
  await expect(page.getByTestId("ranking-table")).not.toContainText("中位数");
  await expect(page.getByTestId("funnel-chart").locator(".recharts-scatter-symbol")).toHaveCount(15);
  await expect(page.getByTestId("department-league").locator("tbody tr").first()).toBeVisible();
  const download = await page.request.get((await page.getByTestId("export-ranking").getAttribute("href")) as string);
  expect(download.headers()["content-type"]).toContain("spreadsheetml");
});

test("a county leader lands on their county among its peers and sees its 地区详情", async ({ page }) => {
  await login(page, "leader");
  await expect(page).toHaveURL(/\/rankings/);
  await expect(page.getByTestId("my-position")).toContainText("宽城区：负担得分");
  await expect(page.getByTestId("my-position")).toContainText(/个同级单位中第\d+位/);
  // The banner says why: what lifts the score against the peers, and what changed since last month.
  await expect(page.getByTestId("my-position-why")).toContainText("同级中位数");
  await expect(page.getByTestId("my-position-why")).toContainText("上月");
  await page.getByTestId("ranking-table").getByRole("link", { name: "宽城区" }).click();
  await expect(page.getByTestId("region-name")).toHaveText("宽城区");
  for (const kind of ["填报表格", "挂牌", "证明事项", "督查检查考核"])
    await expect(page.getByTestId("score-breakdown")).toContainText(kind);
  await expect(page.getByTestId("score-breakdown").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("score-trend").locator(".recharts-line")).toHaveCount(2);
  await expect(page.getByTestId("worst-departments").locator("tbody tr")).toHaveCount(5);
  // Townships are banded on the leader's own 排名 view.
  await page.goto("/rankings?region=220103");
  await expect(page.getByTestId("ranking-title")).toContainText("宽城区下级单位减负排名");
});

test("recording one record changes 总览 at once, with no rebuild or restart", async ({ page }) => {
  await login(page, "monitor_kc");
  const before = await query<Overview>(page, "metrics.overview", { regionCode: "220103" });
  const forms = before.headlines.find((h) => h.key === "forms")!.value;
  await page.goto("/records");
  await page.getByTestId("new-record").click();
  await page.getByLabel("事项名称").fill("E2E全区统一填报表");
  await pickOption(page, "record-department", "宽城区民政局");
  await page.getByLabel("数量").fill("2");
  await page.getByTestId("record-submit").click();
  await expect(page.getByText("记录已保存")).toBeVisible();
  await page.goto(`/overview?region=220103&period=${before.period}`);
  // Two fillings demanded of the whole district reach each of its villages: +2 per village.
  await expect(page.getByTestId("headline-forms")).toContainText(shown(forms + 2));
});
