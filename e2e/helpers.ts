import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo2026";

export async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}
