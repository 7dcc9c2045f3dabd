import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo2026";

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
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
