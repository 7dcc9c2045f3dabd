// `npm start` builds only when a source file is newer than the last build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "server", "next.config.js", "package-lock.json", "tsconfig.json"];
const IGNORED = new Set(["generated", "node_modules", "test", path.join("server", "cli")]);
// Tests and command-line tools are not part of the build: editing one must not cost a rebuild (minutes on two
// shared cores).
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry) || isTest(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    const file = path.join(entry, child);
    if (!IGNORED.has(child) && !IGNORED.has(file)) newest = Math.max(newest, newestMtime(file));
  }
  return newest;
}

const buildId = path.join(".next", "BUILD_ID");
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...SOURCES.map(newestMtime));
if (builtAt > changedAt) {
  console.log("前端构建已是最新，跳过构建");
} else {
  console.log("正在构建前端（next build）…");
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  process.exit(result.status ?? 1);
}
