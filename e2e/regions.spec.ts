import { expect, test } from "./fixtures";
import { login, loginThroughForm } from "./helpers";

const ROLES = [
  { username: "monitor", role: "监测员", root: "长春市", child: "宽城区" },
  { username: "leader", role: "县级领导", root: "宽城区", child: null },
  { username: "inspector", role: "督查员", root: "宽城区", child: null },
  { username: "dept", role: "职能部门", root: "宽城区", child: null },
  { username: "admin", role: "系统管理员", root: "吉林省", child: "长春市" },
];

test("the login page lists the demo accounts in demo mode", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByTestId("demo-accounts")).toContainText("monitor");
  await expect(page.getByTestId("demo-accounts")).toContainText("Demo2026");
});

test("a wrong password is refused in Chinese", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill("monitor");
  await page.getByLabel("密码").fill("wrong-password1");
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await expect(page.getByText("用户名或密码错误")).toBeVisible();
});

for (const account of ROLES) {
  test(`${account.role} (${account.username}) logs in, picks a region and sees its children`, async ({ page }) => {
    // Through the form: every other spec signs in through the endpoint (helpers.ts).
    await loginThroughForm(page, account.username);
    await expect(page.getByTestId("current-user")).toContainText(account.role);
    await page.getByRole("link", { name: "区划", exact: true }).click();
    await expect(page.getByTestId("region-name")).toHaveText(account.root);
    await expect(page.getByTestId("realtime-status")).toContainText("实时连接正常");

    // Pick the first child through the cascader (lazy-loaded one level at a time).
    await page.getByTestId("region-picker").click();
    const rootOption = page.locator(".ant-cascader-menu-item").filter({ hasText: account.root });
    await rootOption.click();
    const childOption = page.locator(".ant-cascader-menu").nth(1).locator(".ant-cascader-menu-item").first();
    await expect(childOption).toBeVisible();
    const childName = account.child ?? (await childOption.innerText()).trim();
    await page
      .locator(".ant-cascader-menu")
      .nth(1)
      .locator(".ant-cascader-menu-item")
      .filter({ hasText: childName })
      .first()
      .click();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("region-name")).toHaveText(childName);
    await expect(page.getByTestId("children-table").locator("tbody tr").first()).toBeVisible();
    await expect(page.getByTestId("records-by-kind")).toContainText("填报表格");
  });
}

test("a county leader cannot open another county by URL", async ({ page }) => {
  await login(page, "leader");
  await page.goto("/regions/220104");
  await expect(page.getByText("无权访问")).toBeVisible();
  await expect(page.getByText("区划 220104 不在您的管辖范围内")).toBeVisible();
  await expect(page.getByTestId("region-name")).toHaveCount(0);
});

test("logout ends the session", async ({ page }) => {
  await login(page, "monitor");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/regions/2201");
  await expect(page).toHaveURL(/\/login/);
});

test("health reports database and sockets", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.ok()).toBe(true);
  const body = await response.json();
  expect(body.database.ok).toBe(true);
  expect(body.socket.ok).toBe(true);
});
