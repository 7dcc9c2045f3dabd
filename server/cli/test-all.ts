// `npm test`: lint (Biome), unit and integration tests on SQLite, the integration suite on
// PostgreSQL, then the browser specs — each phase runs even when an earlier one
// failed, so one run shows everything; a summary with the time of each closes it.
import { spawnSync } from "node:child_process";
import { isReachable, LOCAL_POSTGRES_URL } from "../cluster/reachable";
import { BROWSER_SKIP_EXIT_CODE } from "./testing/browserSetup";

type Outcome = "通过 passed" | "失败 FAILED" | "跳过 skipped";
interface Phase {
  name: string;
  outcome: Outcome;
  seconds: number;
}

const phases: Phase[] = [];
const started = Date.now();

function run(command: string, args: string[]): number {
  return spawnSync(command, args, { stdio: "inherit", env: process.env }).status ?? 1;
}

function phase(name: string, body: () => Outcome): void {
  console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const outcome = body();
  phases.push({ name, outcome, seconds: (Date.now() - t0) / 1000 });
}

const asOutcome = (status: number): Outcome => (status === 0 ? "通过 passed" : "失败 FAILED");

phase("格式与代码检查（Biome）/ lint", () => asOutcome(run("npx", ["biome", "check", "."])));

phase("单元与集成测试（SQLite）/ unit + integration", () => asOutcome(run("npx", ["vitest", "run"])));

const postgres = process.env.TEST_POSTGRES_URL ?? LOCAL_POSTGRES_URL;
const postgresUp = await isReachable(postgres);
phase("集成测试（PostgreSQL）/ integration on PostgreSQL", () => {
  if (!postgresUp && !process.env.CI) {
    console.warn(
      `PostgreSQL（${new URL(postgres).host}）不可达：跳过。启动 PostgreSQL 或设置 TEST_POSTGRES_URL 后重试。`,
    );
    return "跳过 skipped";
  }
  return asOutcome(run("npx", ["tsx", "server/cli/test-postgres.ts"]));
});

phase("浏览器测试（Playwright）/ browser", () => {
  const prepared = run("npx", ["tsx", "server/cli/prepare-browser.ts"]);
  if (prepared === BROWSER_SKIP_EXIT_CODE) return "跳过 skipped";
  if (prepared !== 0) return "失败 FAILED";
  return asOutcome(run("npx", ["playwright", "test"]));
});

const minutes = (seconds: number) => `${Math.floor(seconds / 60)} 分 ${Math.round(seconds % 60)} 秒`;
console.log("\nnpm test 汇总 / summary");
for (const { name, outcome, seconds } of phases)
  console.log(`  ${outcome.padEnd(12)} ${minutes(seconds).padStart(10)}  ${name}`);
console.log(`  合计 total ${minutes((Date.now() - started) / 1000)}`);
process.exit(phases.some((p) => p.outcome === "失败 FAILED") ? 1 : 0);
