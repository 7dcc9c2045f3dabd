import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { BASE_URL } from "./e2e/helpers";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    // Recording a trace snapshots the page at every action even when the test then passes;
    // a failure is retried under CI with the trace on (`--trace on` locally).
    trace: "on-first-retry",
    launchOptions: {
      // Debian's chromium (npm test installs it, see server/cli/prepare-browser.ts): nothing is downloaded on these networks.
      executablePath: fs.existsSync(CHROMIUM) ? CHROMIUM : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node e2e/serve.mjs`,
    url: `${BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: new URL(BASE_URL).port },
  },
});
