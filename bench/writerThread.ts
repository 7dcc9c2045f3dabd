// Issue #14: does a ledger import still hold the main thread on SQLite? The ledger suite's import
// (bench/suites/ledgerImport.ts: event-loop delay overall and per phase), alone and in-process, and
// what the thread's messages cost the main thread, with the writer connection on its thread and, for
// the before, on the main thread:
//   npx tsx bench/writerThread.ts [rows]
//   SQLITE_WRITER_THREAD=0 npx tsx bench/writerThread.ts [rows]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { SqlQuery } from "@prisma/driver-adapter-utils";
import { SplitSqliteAdapterFactory } from "../server/db/sqliteAdapter";
import { ledgerImportBench } from "./suites/ledgerImport";

const rows = Number(process.argv[2] ?? 20_000);
const writer = process.env.SQLITE_WRITER_THREAD === "0" ? "主线程" : "独立线程";

const query = (sql: string, args: string[] = []): SqlQuery => ({
  sql,
  args,
  argTypes: args.map(() => ({ scalarType: "string", arity: "scalar" })),
});

/** The import's statement shape (db/bulk.ts: 1,000 rows as one JSON parameter) and a one-row write. */
async function messageCost(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-writer-thread-"));
  const adapter = await new SplitSqliteAdapterFactory({ file: path.join(dir, "bench.db"), timeout: 10_000 }).connect();
  try {
    await adapter.executeRaw(query("CREATE TABLE t (a TEXT, b INTEGER, c TEXT, d TEXT, e TEXT)"));
    const row = (i: number) => [`id-${i}`, i, "宅基地使用情况证明", "2026-05-01T12:00:00.000+00:00", "220103001"];
    const batches = Array.from({ length: 20 }, (_, b) =>
      JSON.stringify(Array.from({ length: 1_000 }, (_, i) => row(b * 1_000 + i))),
    );
    const insert =
      "INSERT INTO t SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?)";
    const tx = await adapter.startTransaction();
    const before = performance.eventLoopUtilization();
    for (const batch of batches) await tx.executeRaw(query(insert, [batch]));
    const busy = performance.eventLoopUtilization(before).active;
    await tx.executeRaw(query("COMMIT"));
    await tx.commit();
    const started = performance.now();
    for (let i = 1; i <= 2_000; i++) await adapter.executeRaw(query("UPDATE t SET b = b WHERE rowid = ?", [String(i)]));
    const roundTrip = ((performance.now() - started) / 2_000) * 1_000;
    const kb = (batches[0]!.length / 1024).toFixed(0);
    return `20 条千行 JSON 语句（每条 ${kb} KB）占主线程 ${busy.toFixed(0)} 毫秒；单行写入往返 ${roundTrip.toFixed(0)} 微秒`;
  } finally {
    await adapter.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const loadBefore = os.loadavg()[0]!.toFixed(2);
console.log(`写连接在${writer}：${await messageCost()}`);
for (const m of await ledgerImportBench("sqlite", rows)) {
  console.log(`写连接在${writer}：${m.metric} ${m.value.toFixed(1)} ${m.unit}（${m.note}）`);
}
console.log(`负载均值（1 分钟）：开始 ${loadBefore}，结束 ${os.loadavg()[0]!.toFixed(2)}`);
