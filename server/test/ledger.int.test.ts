// @providers: sqlite, postgresql covers db/bulk.ts, db/ledgerRepository.ts, services/ledger/importLedger.ts — bulk inserts are hand-written SQL per dialect, SQLite adds an import to the aggregates chunk by chunk, and only PostgreSQL paces an import between chunks
import { beforeAll, describe, expect, it } from "vitest";
import { rebuildAggregates } from "../db/metricRepository";
import { importLedger, LedgerRejectedError } from "../services/ledger/importLedger";
import { readLedgerFile } from "../services/ledger/readLedgerFile";
import { ledgerTemplate } from "../services/ledger/workbooks";
import { sessionUser, villageCodesOf } from "./fixtures";
import { CERTIFICATE_HEADERS, ledgerWorkbook } from "./ledgerFixture";
import { createSeededTestDb, useTestDb } from "./testDb";

function certificateRows(count: number, villages: string[]): unknown[][] {
  return Array.from({ length: count }, (_, i) => [
    villages[i % villages.length],
    "宽城区公安局",
    i % 3 === 0 ? "无犯罪证明" : "宅基地使用情况证明",
    `2026-${String((i % 11) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
    1 + (i % 3),
    i % 3 === 0 ? "无犯罪证明" : "宅基地使用情况证明",
    "县公安局窗口",
    i % 3 === 0 ? "否" : "是",
    "",
    `台账第${i + 1}行`,
  ]);
}

/**
 * Past one PostgreSQL insert chunk (5,000 rows) and through six SQLite ones (1,000), the bad row
 * (4,323) in the fifth: all-or-nothing and duplicate skipping hold across chunks on both databases.
 * 10,000 rows proved the same at almost twice the cost (three imports and two workbooks).
 */
const BIG_LEDGER_ROWS = 6_000;

describe("Excel and CSV ledgers", () => {
  const testDb = useTestDb(createSeededTestDb);
  let villages: string[];
  beforeAll(async () => {
    villages = await villageCodesOf(testDb.db, "220103");
  });

  it(`rejects a ${BIG_LEDGER_ROWS.toLocaleString("en")}-row file whole when one row is bad, naming the row, column and reason`, async () => {
    const user = await sessionUser(testDb.db, "monitor_kc");
    const rows = certificateRows(BIG_LEDGER_ROWS, villages);
    rows[4321]![3] = "2026-02-30";
    const before = await testDb.db.burdenRecord.count();
    const file = await ledgerWorkbook(CERTIFICATE_HEADERS, rows);
    const failure = await importLedger(testDb.db, user, {
      kind: "CERTIFICATE",
      fileName: "证明台账.xlsx",
      content: file,
    }).catch((e) => e);
    expect(failure).toBeInstanceOf(LedgerRejectedError);
    expect(failure.errorCount).toBe(1);
    expect(failure.errors).toEqual([{ row: 4323, column: "发生日期", reason: "不是有效日期：“2026-02-30”" }]);
    expect(await testDb.db.burdenRecord.count()).toBe(before);

    rows[4321]![3] = "2026-02-28";
    const fixed = await ledgerWorkbook(CERTIFICATE_HEADERS, rows);
    const result = await importLedger(testDb.db, user, {
      kind: "CERTIFICATE",
      fileName: "证明台账.xlsx",
      content: fixed,
    });
    expect(result).toMatchObject({ rows: BIG_LEDGER_ROWS, inserted: BIG_LEDGER_ROWS, duplicates: 0 });
    expect(result.violations).toBe(Math.ceil(BIG_LEDGER_ROWS / 3));
    expect(await testDb.db.burdenRecord.count()).toBe(before + BIG_LEDGER_ROWS);

    const again = await importLedger(testDb.db, user, {
      kind: "CERTIFICATE",
      fileName: "证明台账（再次）.xlsx",
      content: fixed,
    });
    expect(again).toMatchObject({ inserted: 0, duplicates: BIG_LEDGER_ROWS });
    expect(await testDb.db.burdenRecord.count()).toBe(before + BIG_LEDGER_ROWS);

    const sample = await testDb.db.burdenRecord.findFirstOrThrow({ where: { source: "IMPORT", title: "无犯罪证明" } });
    expect(sample.isViolation).toBe(true);
    expect(sample.details).toMatchObject({ certificateName: "无犯罪证明", hasLegalBasis: false });
    expect(sample.occurredOn).toBeInstanceOf(Date);
  }, 300_000); // three imports of thousands of rows: 150 s at load average 45 on two cores (2026-11-30)

  it("an import adds to the aggregates exactly what a rebuild computes, duplicates skipped", async () => {
    const user = await sessionUser(testDb.db, "monitor_kc");
    // On SQLite the aggregates are added chunk by chunk of 1,000 rows (issue #14); with some rows
    // already there, each chunk must count exactly its new rows.
    const rows = certificateRows(1500, villages).map((r) => [...r.slice(0, 9), "聚合核对"]);
    const first = await importLedger(testDb.db, user, {
      kind: "CERTIFICATE",
      fileName: "证明台账（聚合）.xlsx",
      content: await ledgerWorkbook(CERTIFICATE_HEADERS, rows.slice(0, 1200)),
    });
    expect(first).toMatchObject({ inserted: 1200, duplicates: 0 });
    const second = await importLedger(testDb.db, user, {
      kind: "CERTIFICATE",
      fileName: "证明台账（聚合，部分重复）.xlsx",
      content: await ledgerWorkbook(CERTIFICATE_HEADERS, rows),
    });
    expect(second).toMatchObject({ inserted: 300, duplicates: 1200 });
    // A withdrawal in the seed can leave a row of zeros that a rebuild does not write.
    const aggregates = async () =>
      (
        await testDb.db.metricAggregate.findMany({
          orderBy: [{ regionCode: "asc" }, { period: "asc" }, { kind: "asc" }],
        })
      ).filter((r) => r.records !== 0 || r.directRecords !== 0 || r.units !== 0 || r.directUnits !== 0);
    const incremental = await aggregates();
    await rebuildAggregates(testDb.db);
    expect(await aggregates()).toEqual(incremental);
  }, 300_000);

  it("checks jurisdiction, departments and kind-specific fields row by row", async () => {
    const user = await sessionUser(testDb.db, "monitor_kc");
    const rows = certificateRows(4, villages);
    rows[0]![0] = "220104001001";
    rows[1]![1] = "不存在的局";
    rows[2]![7] = "也许";
    rows[3]![0] = "220103999999";
    const failure = await importLedger(testDb.db, user, {
      kind: "CERTIFICATE",
      fileName: "x.xlsx",
      content: await ledgerWorkbook(CERTIFICATE_HEADERS, rows),
    }).catch((e) => e);
    expect(failure.errors).toEqual([
      { row: 2, column: "区划代码", reason: "下达范围 220104001001 不在您的管辖范围内" },
      { row: 3, column: "下达部门", reason: "部门“不存在的局”未登记" },
      { row: 4, column: "是否有法律依据", reason: "应填“是”或“否”，实际为“也许”" },
      { row: 5, column: "区划代码", reason: "区划代码 220103999999 不存在或尚未导入" },
    ]);
  });

  it("names missing columns and refuses files that are not ledgers", async () => {
    const user = await sessionUser(testDb.db, "monitor_kc");
    const failure = await importLedger(testDb.db, user, {
      kind: "CERTIFICATE",
      fileName: "x.xlsx",
      content: await ledgerWorkbook(["区划代码", "事项名称", "奇怪的列"], [["220103", "x"]]),
    }).catch((e) => e);
    expect(failure.errors.map((e: { reason: string }) => e.reason)).toEqual(
      expect.arrayContaining(["缺少必填列“下达部门”", "无法识别的列“奇怪的列”"]),
    );
    await expect(
      importLedger(testDb.db, user, { kind: "FORM", fileName: "x.xlsx", content: Buffer.from("not a zip") }),
    ).rejects.toThrow("内容不是 Excel 工作簿");
    await expect(
      importLedger(testDb.db, user, { kind: "FORM", fileName: "x.pdf", content: Buffer.from("x") }),
    ).rejects.toThrow("只支持 .xlsx 或 .csv 文件");
  });

  it("imports a UTF-8 CSV with Chinese dates", async () => {
    const user = await sessionUser(testDb.db, "monitor_kc");
    const csv =
      "\uFEFF区划代码,下达部门,事项名称,发生日期,数量,留痕方式,对应工作,佐证说明\n220103,宽城区应急管理局,每日巡河截图上传,2026年11月3日,2,截图,巡河,\n";
    const result = await importLedger(testDb.db, user, {
      kind: "PROOF_DEMAND",
      fileName: "留痕.csv",
      content: Buffer.from(csv),
    });
    expect(result).toMatchObject({ inserted: 1, violations: 1 });
  });

  it("the template round-trips: its example rows import as they are", async () => {
    const template = await ledgerTemplate("FORM");
    const table = await readLedgerFile("模板.xlsx", template);
    expect(table.headers.slice(0, 5)).toEqual(["区划代码", "下达部门", "事项名称", "发生日期", "数量"]);
    const user = await sessionUser(testDb.db, "monitor_kc");
    const result = await importLedger(testDb.db, user, { kind: "FORM", fileName: "模板.xlsx", content: template });
    expect(result.inserted).toBe(2);
  });
});
