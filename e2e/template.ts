// The demo database every Playwright worker starts from: migrated, seeded and its alerts evaluated once per
// run (half a minute or more on the shared machine), then copied per worker. `npm test` runs this beside
// `next build`; a plain `playwright test` runs it in its global setup. Where PostgreSQL and Redis are up, the
// scale-out spec's PostgreSQL template is seeded at the same time, in a second process (e2e/postgresTemplate.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import { TEMPLATE_FILE } from "./layout";
import { clusterServicesUp, seedPostgresTemplate } from "./postgresTemplate";

const PARTIAL = `${TEMPLATE_FILE}.partial`;

/** Seeds into a scratch file and renames it, so a run that dies half-way leaves no template to copy. */
async function seedTemplate() {
  fs.mkdirSync("data", { recursive: true });
  for (const file of [PARTIAL, `${PARTIAL}-wal`, `${PARTIAL}-shm`]) fs.rmSync(file, { force: true });
  // The database modules read DATABASE_URL when first used, so it is set before they load.
  process.env.DATABASE_URL = `file:${PARTIAL}`;
  const { prepareData } = await import("../server/app");
  const { closeDb } = await import("../server/db/client");
  try {
    await prepareData(true, (line) => console.log(line));
  } finally {
    await closeDb();
  }
  // Closing checkpoints the write-ahead log into the file; a copy of the file alone is then the whole database.
  if (fs.existsSync(`${PARTIAL}-wal`) && fs.statSync(`${PARTIAL}-wal`).size > 0)
    throw new Error(`${PARTIAL}-wal 未合并：模板数据库不完整`);
  fs.renameSync(PARTIAL, TEMPLATE_FILE);
  console.log(`浏览器测试的演示数据模板已生成：${TEMPLATE_FILE}`);
}

function seedPostgresInChild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "e2e/template.ts", "postgres"], { stdio: "inherit" });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`PostgreSQL 模板数据库生成失败（退出码 ${code}）`)),
    );
  });
}

async function seedBoth() {
  const postgres = (await clusterServicesUp()) ? seedPostgresInChild() : Promise.resolve();
  // Both finish before the run fails, so no seeding process is left behind writing its template.
  const failed = (await Promise.allSettled([seedTemplate(), postgres])).find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

async function seedPostgresOnly() {
  await seedPostgresTemplate((line) => console.log(`[PostgreSQL] ${line}`));
  console.log("浏览器测试的 PostgreSQL 模板数据库已生成（多实例测试用）");
}

await (process.argv[2] === "postgres" ? seedPostgresOnly() : seedBoth()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
