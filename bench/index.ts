// npm run bench [-- --quick] [-- --suite load] [-- --load-seconds N] [-- --provider sqlite|postgresql]:
// prints a table (value, same-run baseline, ratio) and writes JSON to bench/results/.
import os from "node:os";
import { cleanupBenchDbs, sweepDeadBenchDbs } from "./databases";
import { printTable, printVerdicts, writeResults, type Measurement } from "./harness";
import { nationalAlertEvaluationBench } from "./suites/alertEvaluation";
import { formOverlapBench } from "./suites/formOverlap";
import { ledgerImportBench } from "./suites/ledgerImport";
import { loadBench } from "./suites/load";
import { metricsBench } from "./suites/metrics";
import { realtimeBench } from "./suites/realtime";
import { requestsBench } from "./suites/requests";

const quick = process.argv.includes("--quick");
const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
// `--only metrics` (or realtime, ledger, overlap, requests, load) runs one suite (`--suite` says the same); the national
// alert evaluation runs only when asked for: `--only alerts`, on the metrics suite's data.
const only = flag("--only") ?? flag("--suite");
const loadSeconds = Number(flag("--load-seconds") ?? (quick ? 15 : 60));
if (!(loadSeconds > 0)) throw new Error("--load-seconds 应为正数（秒）");
const measurements: Measurement[] = [];
const wanted = (suite: string) => !only || only === suite;

console.log(`减负监测基准测试（${quick ? "快速" : "完整"}模式）…`);
// The push suite runs first so its memory reading is the serving process's, not what the
// national-scale suites leave behind in the same process.
const providerFlag = flag("--provider");
const providers = (["sqlite", "postgresql"] as const).filter((p) => !providerFlag || p === providerFlag);
if (providers.length === 0) throw new Error("--provider 应为 sqlite 或 postgresql");
// Ctrl-C or a kill mid-run: the scratch databases go too (the load suite stops its own server).
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    console.error(`\n收到 ${signal}，正在清理临时数据库…`);
    void cleanupBenchDbs().finally(() => process.exit(130));
  });
await sweepDeadBenchDbs();
const loadAtStart = os.loadavg();
try {
  if (wanted("realtime"))
    for (const provider of providers)
      measurements.push(...(await realtimeBench(provider, quick ? 100 : 500, 100, quick ? 3 : 10)));
  if (wanted("ledger"))
    for (const provider of providers)
      measurements.push(...(await ledgerImportBench(provider, quick ? 10_000 : 100_000)));
  if (wanted("metrics"))
    for (const provider of providers)
      measurements.push(...(await metricsBench(provider, quick ? "22" : "all", quick ? 100_000 : 1_000_000)));
  // Alone (`--only alerts`): PostgreSQL first, the database the < 60 s target is for.
  if (only === "alerts")
    for (const provider of [...providers].reverse())
      measurements.push(
        ...(await nationalAlertEvaluationBench(provider, quick ? "22" : "all", quick ? 100_000 : 1_000_000)),
      );
  if (wanted("overlap")) measurements.push(...(await formOverlapBench(1000, 30)));
  // These two build the app and serve it from a child process. `--only requests`: CPU ms per request.
  if (wanted("requests"))
    for (const provider of providers)
      measurements.push(
        ...(await requestsBench(provider, {
          records: quick ? 30_000 : 300_000,
          count: Number(flag("--requests") ?? (quick ? 50 : 200)),
        })),
      );
  if (wanted("load"))
    for (const provider of providers)
      measurements.push(
        ...(await loadBench(provider, {
          seconds: loadSeconds,
          records: quick ? 30_000 : 300_000,
          importRows: quick ? 10_000 : 100_000,
          clients: 50,
        })),
      );
} finally {
  await cleanupBenchDbs();
}

console.log();
printTable(measurements);
const loadAtEnd = os.loadavg();
const loadavg = (l: number[]) => l.map((v) => v.toFixed(2)).join(" ");
// Two cores shared with other work: a latency measured under a load average far above 2 measures the machine.
console.log(
  `\n机器负载（1/5/15 分钟平均）：开始时 ${loadavg(loadAtStart)}，结束时 ${loadavg(loadAtEnd)}（${os.cpus().length} 核）`,
);
printVerdicts(measurements);
if (measurements.some((m) => m.pass === false)) process.exitCode = 1;
const file = writeResults(measurements, {
  loadAverage: { start: loadAtStart, end: loadAtEnd },
  quick,
  suite: only ?? "all",
  loadSeconds,
  node: process.version,
  cpus: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  at: new Date().toISOString(),
});
console.log(`\n结果已写入 ${file}`);
