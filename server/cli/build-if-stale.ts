// `npm start` and the browser tests build only when a source file is newer than the last build.
import { spawnSync } from "node:child_process";
import { buildIsFresh } from "./testing/buildStaleness";

if (buildIsFresh(process.cwd())) {
  console.log("前端构建已是最新，跳过构建");
} else {
  console.log("正在构建前端（next build）…");
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  process.exit(result.status ?? 1);
}
