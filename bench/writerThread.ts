// Issue #14: does a ledger import still hold the main thread on SQLite? The ledger suite's import
// (bench/suites/ledgerImport.ts: event-loop delay overall and per phase), alone and in-process, with
// the writer connection on its thread and, for the before, on the main thread:
//   npx tsx bench/writerThread.ts [rows]
//   SQLITE_WRITER_THREAD=0 npx tsx bench/writerThread.ts [rows]
import os from "node:os";
import { ledgerImportBench } from "./suites/ledgerImport";

const rows = Number(process.argv[2] ?? 20_000);
const writer = process.env.SQLITE_WRITER_THREAD === "0" ? "主线程" : "独立线程";
const loadBefore = os.loadavg()[0]!.toFixed(2);
for (const m of await ledgerImportBench("sqlite", rows)) {
  console.log(`写连接在${writer}：${m.metric} ${m.value.toFixed(1)} ${m.unit}（${m.note}）`);
}
console.log(`负载均值（1 分钟）：开始 ${loadBefore}，结束 ${os.loadavg()[0]!.toFixed(2)}`);
