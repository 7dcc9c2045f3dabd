import { expect, test } from "./fixtures";
import { login } from "./helpers";

test("main pages send a Content-Security-Policy and raise no CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
  const response = await page.goto("/login");
  const csp = response!.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
  await login(page, "monitor");
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
    await page.goto(path);
    await page.waitForLoadState("networkidle");
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
