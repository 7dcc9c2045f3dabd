import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { type BrowserMachine, DEFAULT_CHROMIUM } from "./browserSetup";

const CJK_FONT_FILES = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
];

function succeeds(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

/** Reads this machine's facts for planBrowserSetup. */
export function inspectBrowserMachine(env: NodeJS.ProcessEnv = process.env): BrowserMachine {
  const chromiumPath = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  return {
    chromiumPath,
    chromiumPresent: fs.existsSync(chromiumPath),
    cjkFontsPresent:
      CJK_FONT_FILES.some((file) => fs.existsSync(file)) || succeeds("sh", ["-c", "fc-list :lang=zh | grep -q ."]),
    isRoot,
    passwordlessSudo: !isRoot && succeeds("sudo", ["-n", "true"]),
    hasAptGet: succeeds("sh", ["-c", "command -v apt-get"]),
    ci: Boolean(env.CI),
  };
}
