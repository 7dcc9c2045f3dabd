import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo2026";

let origin: string | null = null;

/** The worker's app server (e2e/fixtures.ts sets it when the server is up). */
export function setAppOrigin(url: string) {
  origin = url;
}

/** The origin a browser of this worker sends: the auth server refuses a sign-in from any other. */
export function appOrigin(): string {
  if (!origin) throw new Error("应用服务器尚未启动：请从 ./fixtures 引入 test");
  return origin;
}

/**
 * Signs in through the sign-in endpoint the form posts to, then opens `to`: "/" as the form does afterwards,
 * or the page the spec goes to first (the landing page rendered only to be left was a whole 总览 or 排名
 * with its charts, per sign-in). The form itself is exercised by `loginThroughForm` (regions.spec.ts); here a
 * spec skips rendering and hydrating /login, which cost seconds per sign-in on a loaded machine.
 * Each call makes a session of its own, so a spec that signs out ends no other spec's session.
 */
export async function login(page: Page, username: string, to = "/") {
  const response = await page.request.post("/api/auth/sign-in/username", {
    data: { username, password: DEMO_PASSWORD },
    // As the browser would send it: the auth server refuses a sign-in from an untrusted origin.
    headers: { origin: appOrigin() },
  });
  expect(response.ok(), `${username} 登录失败：${response.status()} ${await response.text()}`).toBe(true);
  await page.goto(to);
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 60_000 });
}

/** Signs in the way a person does: the /login form, then the landing page. */
export async function loginThroughForm(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 60_000 });
}

/** How long pickOption waits for the click, for the choice to show, and in all (a loaded machine needs more). */
export const PICK_TIMEOUTS = { click: 2000, shown: 1000, total: 15_000 };
export const SLOW_PICK_TIMEOUTS = { click: 10_000, shown: 5000, total: 60_000 };

/**
 * Picks an option of an antd Select by typing into its own search box (so no
 * keystroke lands elsewhere while a drawer animates) and checks it took.
 */
export async function pickOption(page: Page, testId: string, label: string, timeouts = PICK_TIMEOUTS) {
  const select = page.getByTestId(testId);
  // Retried as a whole: a click while a modal or drawer still animates can miss.
  await expect(async () => {
    await select.click();
    await select.locator("input").fill(label);
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option")
      .filter({ hasText: label })
      .first()
      .click({ timeout: timeouts.click });
    await expect(select).toContainText(label, { timeout: timeouts.shown });
  }).toPass({ timeout: timeouts.total });
}
