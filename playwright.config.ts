import fs from "node:fs";
import { defineConfig } from "@playwright/test";
import { MAX_WORKERS } from "./e2e/layout";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
// Each worker has its own app server and database (e2e/fixtures.ts), so tests of one file can run on both.
const WORKERS = Math.min(MAX_WORKERS, Number(process.env.E2E_WORKERS ?? 2));

export default defineConfig({
  testDir: "e2e",
  // A ceiling, not a speed claim: two workers, two servers and two browsers share two cores with the other
  // engineers' runs, and at load 40–60 a sign-in and the first page of a spec alone took most of a minute.
  timeout: 180_000,
  // Two workers halve each test's share of the cores: twice the old 15 s keeps the margin a wait had.
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: WORKERS,
  globalSetup: "./e2e/globalSetup.ts",
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
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
});
