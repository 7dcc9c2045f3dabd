// `npm run test:pg`: the integration suite again, on PostgreSQL. Each test file
// gets its own copy of a template database (seeded once per run, server/test/templates.ts)
// on the server at TEST_POSTGRES_URL, and drops it afterwards.
import { spawnSync } from "node:child_process";
import { isReachable, LOCAL_POSTGRES_URL } from "../cluster/reachable";

const url = process.env.TEST_POSTGRES_URL ?? LOCAL_POSTGRES_URL;
const server = new URL(url);
if (!(await isReachable(url))) {
  const message = `PostgreSQL ${server.host} 不可达`;
  // CI machines have PostgreSQL: there a missing server is a failure, not a skip.
  if (process.env.CI) {
    console.error(`${message}，无法运行 PostgreSQL 集成测试`);
    process.exit(1);
  }
  console.warn(`${message}：跳过 PostgreSQL 集成测试（设置 TEST_POSTGRES_URL 指向可用的服务器后重试）`);
  process.exit(0);
}
const result = spawnSync("npx", ["vitest", "run", "server/test", ...process.argv.slice(2)], {
  stdio: "inherit",
  // Fuzzing checks input handling, which does not depend on the database: fewer runs the second time.
  env: { ...process.env, TEST_DATABASE: "postgresql", FUZZ_RUNS: process.env.FUZZ_RUNS ?? "50" },
});
process.exit(result.status ?? 1);
