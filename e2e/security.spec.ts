import { expect, test } from "./fixtures";
import { login } from "./helpers";

test("main pages send a Content-Security-Policy and raise no CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
  const response = await page.goto("/login");
  const csp = response!.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
  await login(page, "monitor", "/overview");
  for (const path of [
    "/overview",
    "/rankings",
    "/alerts",
    "/records",
    "/catalogue",
    "/exposure",
    "/regions/2201",
    "/report",
  ]) {
    if (new URL(page.url()).pathname !== path) await page.goto(path);
    // Scripts, styles and the page's queries have all run once its content is drawn and no spinner is left.
    // (Waiting for the network to go quiet instead cost seconds a page: the live socket keeps it busy.)
    await expect(page.locator("main .ant-card, main [data-testid], [data-testid=access-code]").first()).toBeVisible();
    await expect(page.locator(".ant-spin-spinning")).toHaveCount(0);
  }
  expect(violations).toEqual([]);
});

test("a mutation from another site is refused", async ({ page }) => {
  await login(page, "monitor");
  const response = await page.request.post("/api/trpc/record.withdraw", {
    headers: { origin: "http://evil.example", "content-type": "application/json" },
    data: { json: { id: "x", reason: "跨站" } },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error).toContain("拒绝跨站请求");
});
