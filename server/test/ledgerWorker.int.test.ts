// @providers: sqlite, postgresql — rows validated in the worker are written through the main thread's connection
import { beforeAll, describe, expect, it, vi } from "vitest";
import { importLedger, ImportInterruptedError, LedgerRejectedError } from "../services/ledger/importLedger";
import { getImportJob, startImportJob } from "../services/ledger/importJobs";
import { busyImportWorkers, liveImportWorkers } from "../services/ledger/importWorkers";
import { sessionUser, villageCodesOf } from "./fixtures";
import { CERTIFICATE_HEADERS, ledgerWorkbook } from "./ledgerFixture";
import { createSeededTestDb, useTestDb } from "./testDb";

// Calls on this (the main) thread. The worker loads its own copies of these modules, which Vitest
// does not see, so every call counted here is row work the server's event loop would have done.
const { mainThreadCalls, counting } = vi.hoisted(() => {
  const calls = { readLedgerFile: 0, parseLedgerRow: 0, judgeRecord: 0 };
  type Counted = keyof typeof calls;
  /** A module factory: the real module, with `name` counting its calls on this thread. */
  const wrap =
    (name: Counted) =>
    async (original: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown>> => {
      const actual = await original();
      const real = actual[name] as (...args: unknown[]) => unknown;
      return {
        ...actual,
        [name]: (...args: unknown[]) => {
          calls[name] += 1;
          return real(...args);
        },
      };
    };
  return { mainThreadCalls: calls, counting: wrap };
});
vi.mock("../services/ledger/readLedgerFile", counting("readLedgerFile"));
vi.mock("../domain/ledger", counting("parseLedgerRow"));
vi.mock("../domain/classification", counting("judgeRecord"));

function rows(count: number, villages: string[], note: string): unknown[][] {
  return Array.from({ length: count }, (_, i) => [
    villages[i % villages.length],
    "宽城区公安局",
    i % 2 === 0 ? "无犯罪证明" : "宅基地使用情况证明",
    `2026-${String((i % 11) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
    1,
    i % 2 === 0 ? "无犯罪证明" : "宅基地使用情况证明",
    "县公安局窗口",
    i % 2 === 0 ? "否" : "是",
    "",
    `${note}第${i + 1}行`,
  ]);
}

describe("ledger imports in a worker thread", () => {
  const testDb = useTestDb(createSeededTestDb);
  let villages: string[];
  beforeAll(async () => {
    villages = await villageCodesOf(testDb.db, "220103");
  });

  it("reads, parses and classifies every row off the main thread, and writes them all", async () => {
    const user = await sessionUser(testDb.db, "monitor_kc");
    const content = await ledgerWorkbook(CERTIFICATE_HEADERS, rows(3000, villages, "线程"));
    const before = await testDb.db.burdenRecord.count();
    const workersWhileValidating: number[] = [];
    const result = await importLedger(
      testDb.db,
      user,
      { kind: "CERTIFICATE", fileName: "线程.xlsx", content },
      ({ phase }) => phase === "validating" && workersWhileValidating.push(liveImportWorkers().size),
    );
    expect(result).toMatchObject({ rows: 3000, inserted: 3000, duplicates: 0, violations: 1500 });
    expect(await testDb.db.burdenRecord.count()).toBe(before + 3000);
    expect(mainThreadCalls).toEqual({ readLedgerFile: 0, parseLedgerRow: 0, judgeRecord: 0 });
    expect(workersWhileValidating.length).toBeGreaterThan(0);
    expect(workersWhileValidating.every((n) => n === 1)).toBe(true);
    // Once the rows are handed over the worker waits, warm, for the next import.
    expect(busyImportWorkers().size).toBe(0);
    expect(liveImportWorkers().size).toBe(1);
  }, 300_000);

  it("the next import runs in the same warm worker", async () => {
    const user = await sessionUser(testDb.db, "monitor_kc");
    const [warm] = liveImportWorkers();
    const content = await ledgerWorkbook(CERTIFICATE_HEADERS, rows(10, villages, "复用"));
    const result = await importLedger(testDb.db, user, { kind: "CERTIFICATE", fileName: "复用.xlsx", content });
    expect(result).toMatchObject({ rows: 10, inserted: 10 });
    expect([...liveImportWorkers()]).toEqual([warm]);
    expect(mainThreadCalls).toEqual({ readLedgerFile: 0, parseLedgerRow: 0, judgeRecord: 0 });
  }, 300_000);

  it("a rejected file leaves the worker fit for the next import", async () => {
    const user = await sessionUser(testDb.db, "monitor_kc");
    const [warm] = liveImportWorkers();
    const bad = await ledgerWorkbook(CERTIFICATE_HEADERS, [["999999999999", ...rows(1, villages, "坏")[0]!.slice(1)]]);
    const refused = importLedger(testDb.db, user, { kind: "CERTIFICATE", fileName: "坏.xlsx", content: bad });
    await expect(refused).rejects.toBeInstanceOf(LedgerRejectedError);
    const content = await ledgerWorkbook(CERTIFICATE_HEADERS, rows(5, villages, "拒后"));
    const result = await importLedger(testDb.db, user, { kind: "CERTIFICATE", fileName: "拒后.xlsx", content });
    expect(result).toMatchObject({ rows: 5, inserted: 5 });
    expect([...liveImportWorkers()]).toEqual([warm]);
  }, 300_000);

  it("a worker killed mid-import fails the job with a Chinese message and writes nothing", async () => {
    const user = await sessionUser(testDb.db, "monitor_kc");
    const content = await ledgerWorkbook(CERTIFICATE_HEADERS, rows(20_000, villages, "中断"));
    const [records, batches, audits] = await Promise.all([
      testDb.db.burdenRecord.count(),
      testDb.db.importBatch.count(),
      testDb.db.auditLog.count(),
    ]);
    const job = startImportJob(testDb.db, user, { kind: "CERTIFICATE", fileName: "中断.xlsx", content });
    await vi.waitFor(() => expect(getImportJob(job.id, user.id)?.progress.phase).toBe("validating"), {
      timeout: 240_000,
      interval: 10,
    });
    for (const worker of liveImportWorkers()) await worker.terminate();
    await vi.waitFor(() => expect(getImportJob(job.id, user.id)?.finishedAt).toBeDefined(), {
      timeout: 60_000,
      interval: 20,
    });
    expect(job.error).toBe(new ImportInterruptedError().message);
    expect(job.error).toMatch(/^导入中断：.*未写入任何数据/);
    expect(job.result).toBeUndefined();
    expect(
      await Promise.all([testDb.db.burdenRecord.count(), testDb.db.importBatch.count(), testDb.db.auditLog.count()]),
    ).toEqual([records, batches, audits]);
  }, 300_000);

  it("after a worker is killed mid-import, the next import on this process succeeds", async () => {
    const user = await sessionUser(testDb.db, "monitor_kc");
    const big = await ledgerWorkbook(CERTIFICATE_HEADERS, rows(20_000, villages, "甲"));
    const jobA = startImportJob(testDb.db, user, { kind: "CERTIFICATE", fileName: "甲.xlsx", content: big });
    await vi.waitFor(() => expect(getImportJob(jobA.id, user.id)?.progress.phase).toBe("validating"), {
      timeout: 240_000,
      interval: 10,
    });
    const [killed] = busyImportWorkers();
    await killed!.terminate();
    await vi.waitFor(() => expect(jobA.finishedAt).toBeDefined(), { timeout: 60_000, interval: 20 });
    expect(jobA.error).toBe(new ImportInterruptedError().message);
    const before = await testDb.db.burdenRecord.count();
    const content = await ledgerWorkbook(CERTIFICATE_HEADERS, rows(20, villages, "乙"));
    const jobB = startImportJob(testDb.db, user, { kind: "CERTIFICATE", fileName: "乙.xlsx", content });
    await vi.waitFor(() => expect(jobB.finishedAt).toBeDefined(), { timeout: 240_000, interval: 20 });
    expect(jobB.error).toBeUndefined();
    expect(jobB.result).toMatchObject({ rows: 20, inserted: 20 });
    expect(await testDb.db.burdenRecord.count()).toBe(before + 20);
    expect(liveImportWorkers().has(killed!)).toBe(false);
  }, 300_000);
});
