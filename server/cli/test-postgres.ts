// `npm run test:pg`: the integration files whose outcome can depend on the database,
// again on PostgreSQL — those tagged `// @providers: sqlite, postgresql` (the tags and
// the check that keeps them honest: server/cli/testing/providerTags.ts). Each file gets
// its own copy of a template database (seeded once per run, server/test/templates.ts) on
// the server at TEST_POSTGRES_URL, and drops it afterwards. `npm run test:pg -- --all`
// runs every integration file there; other arguments go to Vitest.
import { spawnSync } from "node:child_process";
import { isReachable, LOCAL_POSTGRES_URL } from "../cluster/reachable";
import { INTEGRATION_DIR, postgresFiles } from "./testing/providerTags";

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
const args = process.argv.slice(2);
const all = args.includes("--all");
const files = all ? [INTEGRATION_DIR] : postgresFiles(process.cwd());
const vitestArgs = args.filter((arg) => arg !== "--all");
// Files named on the command line narrow the run; otherwise the tagged ones.
const named = vitestArgs.some((arg) => arg.endsWith(".ts") || arg.startsWith("server/"));
// Both integration projects: the shared one and the files that replace modules (vitest.config.ts).
const projects = ["--project", "integration", "--project", "integration-isolated"];
const result = spawnSync("npx", ["vitest", "run", ...projects, ...(named ? [] : files), ...vitestArgs], {
  stdio: "inherit",
  // Fuzzing checks input handling, which does not depend on the database: fewer runs the second time.
  // The file list narrows the run, yet it is the whole PostgreSQL suite: build its templates at once.
  env: {
    ...process.env,
    TEST_DATABASE: "postgresql",
    TEST_TEMPLATES_EAGER: named ? "" : "1",
    FUZZ_RUNS: process.env.FUZZ_RUNS ?? "50",
  },
});
process.exit(result.status ?? 1);
