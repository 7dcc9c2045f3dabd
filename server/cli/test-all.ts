// `npm test`: lint (Biome) and type check (tsc), then two tracks side by side — the database track (unit and
// integration tests on SQLite beside the provider-tagged integration files on PostgreSQL)
// and the browser track (one production build and the seeded demo database side by side, then the Playwright
// specs against them, two workers each with its own server).
// The browser specs spend most of their time waiting on a browser and a server, the
// database tests on SQLite and PostgreSQL, so on two cores the tracks overlap their waits.
// Every phase runs even when an earlier one failed, so one run shows everything; a
// summary with the time of each closes it. TEST_SEQUENTIAL=1 runs the tracks one after
// the other (a machine short of memory), output unprefixed.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import readline from "node:readline";
import { isReachable, LOCAL_POSTGRES_URL } from "../cluster/reachable";
import { BROWSER_SKIP_EXIT_CODE } from "./testing/browserSetup";
import {
  failures,
  playwrightFailures,
  playwrightTimings,
  slowest,
  TIMINGS_DIR,
  type Timing,
  vitestFailures,
  vitestTimings,
} from "./testing/timings";

type Outcome = "通过 passed" | "失败 FAILED" | "跳过 skipped";
interface Phase {
  name: string;
  outcome: Outcome;
  seconds: number;
  /** JSON report of the phase (under TIMINGS_DIR) and how to read it: its slowest files or specs, and its failures. */
  report?: Report;
}

const sequential = process.env.TEST_SEQUENTIAL === "1";
const phases: Phase[] = [];
const started = Date.now();
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const loadAtStart = load();

// The browser track is the longer one; side by side, the database track yields the cores to it
// (a higher nice value, inherited by its Vitest workers) and fills the time the browser track
// spends waiting. TEST_DATABASE_NICE=0 gives both tracks the same share.
const DATABASE_NICE = sequential ? 0 : Number(process.env.TEST_DATABASE_NICE ?? 5);

/** Runs a command; side by side, each line of its output carries the track's label. */
function run(label: string, command: string, args: string[], nice = 0): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: sequential ? "inherit" : ["ignore", "pipe", "pipe"],
      env: sequential ? process.env : { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "0" },
    });
    // Set before the child starts its own workers, which inherit it.
    if (nice && child.pid) os.setPriority(child.pid, Math.min(19, os.getPriority(child.pid) + nice));
    if (!sequential)
      for (const stream of [child.stdout!, child.stderr!])
        readline.createInterface({ input: stream }).on("line", (line) => console.log(`[${label}] ${line}`));
    child.on("close", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

async function phase(name: string, body: () => Promise<Outcome>, report?: Phase["report"]): Promise<Outcome> {
  console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const outcome = await body();
  phases.push({ name, outcome, seconds: (Date.now() - t0) / 1000, report });
  console.log(`━━ ${name}：${outcome}（${minutes((Date.now() - t0) / 1000)}）━━`);
  return outcome;
}

const jsonReport = (name: string) => [
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${TIMINGS_DIR}/${name}.json`,
];
interface Report {
  file: string;
  timings: (report: never) => Timing[];
  failures: (report: never) => string[];
}
const vitestReport = (name: string): Report => ({
  file: `${TIMINGS_DIR}/${name}.json`,
  timings: (report: never) => vitestTimings(report, process.cwd()),
  failures: (report: never) => vitestFailures(report, process.cwd()),
});
fs.rmSync(TIMINGS_DIR, { recursive: true, force: true });

const asOutcome = (status: number): Outcome => (status === 0 ? "通过 passed" : "失败 FAILED");
const minutes = (seconds: number) => `${Math.floor(seconds / 60)} 分 ${Math.round(seconds % 60)} 秒`;

async function databaseTrack(): Promise<void> {
  const postgres = process.env.TEST_POSTGRES_URL ?? LOCAL_POSTGRES_URL;
  const postgresUp = await isReachable(postgres);
  const name = "集成测试（PostgreSQL，按 @providers 标注）/ integration on PostgreSQL";
  const report = vitestReport("vitest-postgresql");
  // Side by side: the PostgreSQL files spend most of their time waiting on PostgreSQL, and one after the
  // other the PostgreSQL phase ran last, beside the end of the browser track, and set the run's length.
  await Promise.all([
    phase(
      "单元与集成测试（SQLite）/ unit + integration",
      async () =>
        asOutcome(await run("sqlite", "npx", ["vitest", "run", ...jsonReport("vitest-sqlite")], DATABASE_NICE)),
      vitestReport("vitest-sqlite"),
    ),
    phase(
      name,
      async () => {
        if (!postgresUp && !process.env.CI) {
          console.warn(
            `PostgreSQL（${new URL(postgres).host}）不可达：跳过。启动 PostgreSQL 或设置 TEST_POSTGRES_URL 后重试。`,
          );
          return "跳过 skipped";
        }
        const args = ["tsx", "server/cli/test-postgres.ts", ...jsonReport("vitest-postgresql")];
        return asOutcome(await run("postgresql", "npx", args, DATABASE_NICE));
      },
      report,
    ),
  ]);
}

async function browserTrack(): Promise<void> {
  const prepared = await run("browser", "npx", ["tsx", "server/cli/prepare-browser.ts"]);
  if (prepared !== 0) {
    const outcome = prepared === BROWSER_SKIP_EXIT_CODE ? "跳过 skipped" : "失败 FAILED";
    phases.push({ name: "浏览器测试（Playwright）/ browser", outcome, seconds: 0 });
    return;
  }
  // One production build serves every spec (each worker's server and the two scale-out instances), and the
  // demo database every worker copies is seeded meanwhile: seeding needs no build, and the build leaves a core idle.
  const [built, seeded] = await Promise.all([
    phase("构建（next build，源码未变则跳过）/ build", async () =>
      asOutcome(await run("build", "npx", ["tsx", "server/cli/build-if-stale.ts"])),
    ),
    phase("浏览器测试的演示数据模板 / e2e template database", async () =>
      asOutcome(await run("template", "npx", ["tsx", "e2e/template.ts"])),
    ),
  ]);
  process.env.PLAYWRIGHT_JSON_OUTPUT_FILE = `${TIMINGS_DIR}/playwright.json`;
  process.env.E2E_TEMPLATE_READY = "1";
  await phase(
    "浏览器测试（Playwright）/ browser",
    async () =>
      built === "通过 passed" && seeded === "通过 passed"
        ? asOutcome(await run("browser", "npx", ["playwright", "test", "--reporter=list,json"]))
        : "失败 FAILED",
    { file: `${TIMINGS_DIR}/playwright.json`, timings: playwrightTimings, failures: playwrightFailures },
  );
}

// The one type check of the run: the production build skips Next's own (next.config.js).
await phase("格式、代码与类型检查（Biome、tsc）/ lint + typecheck", async () => {
  const [lint, types] = await Promise.all([
    run("lint", "npx", ["biome", "check", "."]),
    run("typecheck", "npx", ["tsc", "--noEmit"]),
  ]);
  return asOutcome(lint || types);
});
if (sequential) {
  await databaseTrack();
  await browserTrack();
} else {
  await Promise.all([databaseTrack(), browserTrack()]);
}

console.log("\nnpm test 汇总 / summary");
for (const { name, outcome, seconds, report } of phases) {
  console.log(`  ${outcome.padEnd(12)} ${minutes(seconds).padStart(10)}  ${name}`);
  if (!report) continue;
  for (const line of slowest(report.file, report.timings)) console.log(line);
  if (outcome === "失败 FAILED") for (const line of failures(report.file, report.failures)) console.log(line);
}
console.log(
  `  合计 total ${minutes((Date.now() - started) / 1000)}${sequential ? "" : "（两条轨道并行 / tracks side by side）"}`,
);
console.log(
  `  负载 load average: 开始 start ${loadAtStart}, 结束 end ${load()}（${os.availableParallelism()} 核 cores）`,
);
process.exit(phases.some((p) => p.outcome === "失败 FAILED") ? 1 : 0);
