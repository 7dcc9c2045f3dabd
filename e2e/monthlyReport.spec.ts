import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { login, pickOption } from "./helpers";

const SCREENSHOTS = path.join(import.meta.dirname, "screenshots");

function available(command: string): boolean {
  try {
    execFileSync("which", [command], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

test("月报: a monitor generates 长春市's Word report, downloads it, and (with LibreOffice) its pages are rendered for review", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, "monitor");
  await page.getByRole("link", { name: "月报" }).click();
  await expect(page).toHaveURL(/\/monthly-reports/);
  await page.getByTestId("generate-report").click();
  await expect(page.getByTestId("download-report").first()).toBeVisible({ timeout: 120_000 });
  await expect(page.locator("tbody tr.ant-table-row").first()).toContainText("长春市");
  await expect(page.locator("tbody tr.ant-table-row").first()).toContainText("第1版");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download-report").first().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^长春市\d{4}年\d{1,2}月减负监测报告（第1版）\.docx$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "monthly-report-"));
  const docx = path.join(dir, "report.docx");
  await download.saveAs(docx);
  expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe("PK");

  // Word → PDF → PNG only where LibreOffice and poppler are installed; the page images stay for a reviewer.
  if (!available("libreoffice") || !available("pdftoppm")) {
    test
      .info()
      .annotations.push({ type: "skipped", description: "未安装 libreoffice 或 pdftoppm：跳过 Word→PDF→PNG 渲染" });
    return;
  }
  execFileSync(
    "libreoffice",
    ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, docx],
    { stdio: "ignore", timeout: 180_000 },
  );
  const pdf = path.join(dir, "report.pdf");
  expect(fs.existsSync(pdf)).toBe(true);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const old of fs.readdirSync(SCREENSHOTS).filter((f) => f.startsWith("monthly-report-page")))
    fs.rmSync(path.join(SCREENSHOTS, old));
  execFileSync("pdftoppm", ["-r", "80", "-png", pdf, path.join(SCREENSHOTS, "monthly-report-page")]);
  const pages = fs.readdirSync(SCREENSHOTS).filter((f) => f.startsWith("monthly-report-page"));
  expect(pages.length).toBeGreaterThanOrEqual(3);
});

test("通知渠道: a monitor adds a signed webhook, 测试发送 reaches it, and the secret is never shown again", async ({
  page,
}) => {
  const secret = "whsec-e2e-0123456789";
  const received: { body: { title: string }; verified: boolean }[] = [];
  const receiver = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      const expected = `sha256=${createHmac("sha256", secret).update(`${req.headers["x-burden-timestamp"]}.${data}`).digest("hex")}`;
      received.push({ body: JSON.parse(data), verified: req.headers["x-burden-signature"] === expected });
      res.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    await login(page, "monitor", "/channels");
    await page.getByTestId("new-channel").click();
    await page.getByTestId("channel-name").fill("宽城区督查 Webhook");
    await pickOption(page, "channel-kind", "通用 Webhook");
    await page.getByTestId("channel-target").fill(url);
    await page.getByTestId("channel-secret").fill(secret);
    await page.getByTestId("channel-save").click();
    const row = page.locator("tr").filter({ hasText: "宽城区督查 Webhook" });
    await expect(row).toContainText("已加密保存");
    await expect(page.locator("body")).not.toContainText(secret);
    await row.getByTestId("channel-test").click();
    await expect(page.getByText("测试消息已送达")).toBeVisible();
    expect(received).toHaveLength(1);
    expect(received[0]!.verified).toBe(true);
    expect(received[0]!.body.title).toContain("测试消息");
    await expect(page.locator("tr").filter({ hasText: "测试消息" }).first()).toContainText("已送达");
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, "channels.png"), fullPage: true });
  } finally {
    receiver.close();
  }
});
