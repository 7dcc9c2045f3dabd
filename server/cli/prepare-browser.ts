// Makes sure the browser specs can run: Debian's chromium and CJK fonts, installed
// from the system's packages where this user may. Exit codes: 0 ready, 3 skip
// (the message says what to install), 1 failure (always under CI).
import { spawnSync } from "node:child_process";
import { inspectBrowserMachine } from "./testing/browserMachine";
import { BROWSER_SKIP_EXIT_CODE as SKIP_EXIT_CODE, planBrowserSetup } from "./testing/browserSetup";

const plan = planBrowserSetup(inspectBrowserMachine());
switch (plan.action) {
  case "ready":
    if (plan.notice) console.warn(plan.notice);
    process.exit(0);
    break;
  case "install": {
    console.log(plan.notice);
    const result = spawnSync("sh", ["-c", plan.command], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const after = planBrowserSetup(inspectBrowserMachine());
    if (result.status === 0 && after.action === "ready") process.exit(0);
    console.error(`安装失败（${plan.command}）/ installation failed`);
    process.exit(process.env.CI ? 1 : SKIP_EXIT_CODE);
    break;
  }
  case "skip":
    console.warn(plan.message);
    process.exit(SKIP_EXIT_CODE);
    break;
  case "fail":
    console.error(plan.message);
    process.exit(1);
}
