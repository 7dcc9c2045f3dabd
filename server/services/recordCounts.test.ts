import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { type CountedRecord, creatingRecords, forgetRecordCounts, recordCount } from "./recordCounts";

/** A database that answers every count with `rows` and says how often it was asked; `hold` delays answers. */
function countingDb(rows: number) {
  const state = { rows, counted: 0, hold: null as Promise<void> | null };
  const db = {
    _activeProvider: "postgresql",
    async $queryRaw(query: { sql: string }) {
      state.counted += 1;
      const answer = state.rows;
      if (state.hold) await state.hold;
      // Every record is in November 2026, the month `record()` creates in.
      return /GROUP BY/.test(query.sql) ? [{ month: 202611, n: answer }] : [{ n: answer }];
    },
  } as unknown as Db;
  return { db, state };
}

const record = (fields: Partial<CountedRecord> = {}): CountedRecord => ({
  scopeRegionCode: "220103001001",
  status: "ACTIVE",
  kind: "FORM",
  departmentId: "d1",
  source: "MANUAL",
  isViolation: false,
  occurredOn: new Date("2026-11-10T00:00:00Z"),
  ...fields,
});

describe("kept record.list totals", () => {
  beforeEach(() => forgetRecordCounts());

  it("counts a filter once and answers the next page from the kept total", async () => {
    const { db, state } = countingDb(300_000);
    expect(await recordCount(db, { regionCode: "220103" })).toBe(300_000);
    expect(await recordCount(db, { regionCode: "220103" })).toBe(300_000);
    expect(state.counted).toBe(1);
  });

  it("adds a created record to every kept total it falls in, without counting again", async () => {
    const { db, state } = countingDb(100);
    const filters = [
      { regionCode: "220103" },
      { regionCode: "2201", kind: "FORM", periodFrom: 202611, periodTo: 202611 },
      { regionCode: "220103", isViolation: false, source: "MANUAL", departmentId: "d1" },
    ];
    for (const filter of filters) await recordCount(db, filter);
    await creatingRecords(db, [record()], async () => [record()]);
    for (const filter of filters) expect(await recordCount(db, filter)).toBe(101);
    expect(state.counted).toBe(filters.length);
  });

  it("leaves the totals a created record does not fall in", async () => {
    const { db } = countingDb(100);
    const filters = [
      { regionCode: "220104" },
      { regionCode: "220103", kind: "CERTIFICATE" },
      { regionCode: "220103", periodTo: 202610 },
      { regionCode: "220103", periodFrom: 202612 },
      { regionCode: "220103", isViolation: true },
      { regionCode: "220103", departmentId: "d2" },
    ];
    for (const filter of filters) await recordCount(db, filter);
    await creatingRecords(db, [record()], async () => [
      record(),
      record({ scopeRegionCode: "220103", status: "WITHDRAWN" }),
    ]);
    for (const filter of filters) expect(await recordCount(db, filter)).toBe(100);
    expect(await recordCount(db, { regionCode: "220103", includeWithdrawn: true })).toBe(100);
  });

  it("counts a text search again: whether the record matches is the database's to say", async () => {
    const { db, state } = countingDb(7);
    await recordCount(db, { regionCode: "220103", text: "台账" });
    await creatingRecords(db, [record()], async () => [record()]);
    state.rows = 8;
    expect(await recordCount(db, { regionCode: "220103", text: "台账" })).toBe(8);
    expect(state.counted).toBe(2);
  });

  it("keeps no total counted while a write was under way (it may or may not include the new record)", async () => {
    const { db, state } = countingDb(100);
    let release = () => {};
    state.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const counting = recordCount(db, { regionCode: "220103" });
    await creatingRecords(db, [record()], async () => [record()]);
    release();
    await counting;
    state.hold = null;
    state.rows = 101;
    expect(await recordCount(db, { regionCode: "220103" })).toBe(101);
    expect(state.counted).toBe(2);
  });

  it("keeps totals per database, and a failed write changes none", async () => {
    const one = countingDb(100);
    const other = countingDb(5);
    await recordCount(one.db, { regionCode: "220103" });
    await recordCount(other.db, { regionCode: "220103" });
    await creatingRecords(one.db, [record()], async () => [record()]);
    await expect(
      creatingRecords(one.db, [record()], async (): Promise<CountedRecord[]> => {
        throw new Error("写入失败");
      }),
    ).rejects.toThrow("写入失败");
    expect(await recordCount(one.db, { regionCode: "220103" })).toBe(101);
    expect(await recordCount(other.db, { regionCode: "220103" })).toBe(5);
  });

  it("counts again after any other write", async () => {
    const { db, state } = countingDb(100);
    await recordCount(db, { regionCode: "220103" });
    forgetRecordCounts();
    state.rows = 99;
    expect(await recordCount(db, { regionCode: "220103" })).toBe(99);
  });
});
