// npm run bench [-- --quick]: prints a table (value, same-run baseline, ratio) and writes JSON to bench/results/.
import os from "node:os";
import { cleanupBenchDbs } from "./databases";
import { printTable, writeResults, type Measurement } from "./harness";
import { nationalAlertEvaluationBench } from "./suites/alertEvaluation";
import { formOverlapBench } from "./suites/formOverlap";
import { ledgerImportBench } from "./suites/ledgerImport";
import { metricsBench } from "./suites/metrics";
import { realtimeBench } from "./suites/realtime";

const quick = process.argv.includes("--quick");
// `--only metrics` (or realtime, ledger, overlap) runs one suite; the national alert evaluation is part of
// metrics, and `--only alerts` runs it alone on the same data.
const only = process.argv[process.argv.indexOf("--only") + 1];
const runs = (suite: string) => !process.argv.includes("--only") || only === suite;
const measurements: Measurement[] = [];

console.log(`减负监测基准测试（${quick ? "快速" : "完整"}模式）…`);
// The push suite runs first so its memory reading is the serving process's, not what the
// national-scale suites leave behind in the same process.
const providers = ["sqlite", "postgresql"] as const;
try {
  for (const provider of runs("realtime") ? providers : [])
    measurements.push(...(await realtimeBench(provider, quick ? 100 : 500, 100, quick ? 3 : 10)));
  for (const provider of runs("ledger") ? providers : [])
    measurements.push(...(await ledgerImportBench(provider, quick ? 10_000 : 100_000)));
  for (const provider of runs("metrics") ? providers : [])
    measurements.push(...(await metricsBench(provider, quick ? "22" : "all", quick ? 100_000 : 1_000_000)));
  // Alone (`--only alerts`): PostgreSQL first, the database the < 60 s target is for.
  if (process.argv.includes("--only") && only === "alerts")
    for (const provider of [...providers].reverse())
      measurements.push(
        ...(await nationalAlertEvaluationBench(provider, quick ? "22" : "all", quick ? 100_000 : 1_000_000)),
      );
  if (runs("overlap")) measurements.push(...(await formOverlapBench(1000, 30)));
} finally {
  await cleanupBenchDbs();
}

console.log();
printTable(measurements);
const file = writeResults(measurements, {
  quick,
  node: process.version,
  cpus: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  at: new Date().toISOString(),
});
console.log(`\n结果已写入 ${file}`);
