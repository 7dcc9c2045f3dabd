// Before any worker starts: the production build and the seeded template, side by side (seeding needs no
// build; `npm test` has made both already and says so with E2E_TEMPLATE_READY=1), then one app server per
// worker slot. The returned function stops the servers at the end of the run.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { startAppServers } from "./appServer";
import { TEMPLATE_FILE } from "./layout";
import { dropPostgresTemplate } from "./postgresTemplate";

function tsx(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", script], { stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${script} 失败（退出码 ${code}）`))));
  });
}

export default async function globalSetup(config: FullConfig) {
  // Copies and uploads of an earlier run.
  const data = path.dirname(TEMPLATE_FILE);
  for (const entry of fs.existsSync(data) ? fs.readdirSync(data) : [])
    if (entry.startsWith("e2e-worker-")) fs.rmSync(path.join(data, entry), { recursive: true, force: true });
  if (process.env.E2E_TEMPLATE_READY !== "1" || !fs.existsSync(TEMPLATE_FILE))
    await Promise.all([tsx("server/cli/build-if-stale.ts"), tsx("e2e/template.ts")]);
  const servers = await startAppServers(config.workers);
  console.log(`浏览器测试：${servers.length} 个应用服务器（${servers.map((s) => s.url).join("，")}）`);
  return async () => {
    await Promise.all([...servers.map((server) => server.stop()), dropPostgresTemplate()]);
  };
}
