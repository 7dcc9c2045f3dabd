import { describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { sharedRead } from "./sharedRead";

const tick = () => new Promise((r) => setTimeout(r, 0));
const fakeDb = () => ({}) as Db;

/** A database of one number: a computation reads it when it starts and ends when the test says so. */
function slowData() {
  const data = { value: 0 };
  const runs: { read: number; finish: () => void }[] = [];
  const compute = () =>
    new Promise<number>((resolve) => {
      const read = data.value;
      runs.push({ read, finish: () => resolve(read) });
    });
  return { data, runs, compute };
}

describe("reads shared by everyone asking at once", () => {
  it("answers every caller from a computation that started after they asked, one at a time", async () => {
    const db = fakeDb();
    const { data, runs, compute } = slowData();
    const first = sharedRead(db, "overview|2201|202611", compute);
    await tick();
    data.value = 1; // a write committed while the first computation runs
    const later = [1, 2, 3].map(() => sharedRead(db, "overview|2201|202611", compute));
    await tick();
    expect(runs).toHaveLength(1); // the callers after the write wait: no second computation beside the first
    runs[0]!.finish();
    expect(await first).toBe(0);
    await tick();
    expect(runs).toHaveLength(2); // one computation for the three who asked during the first
    runs[1]!.finish();
    // Each saw the write committed before it asked, not the first computation's older answer.
    expect(await Promise.all(later)).toEqual([1, 1, 1]);
  });

  it("keeps keys and databases apart, and a failure reaches only the callers of that computation", async () => {
    const db = fakeDb();
    let calls = 0;
    const failing = () => Promise.reject(new Error("数据库不可用"));
    const counting = async () => ++calls;
    await expect(sharedRead(db, "peers|2201", failing)).rejects.toThrow("数据库不可用");
    expect(await sharedRead(db, "peers|2201", counting)).toBe(1);
    expect(
      await Promise.all([sharedRead(db, "peers|2202", counting), sharedRead(fakeDb(), "peers|2201", counting)]),
    ).toEqual([2, 3]);
  });
});

describe("reads that may be a few seconds old", () => {
  const STALE = { staleMs: 10_000 };

  it("while a computation is under way, answers from the last one at once and computes once more after it", async () => {
    const db = fakeDb();
    const { data, runs, compute } = slowData();
    const first = sharedRead(db, "overview|2201|202611", compute, STALE);
    await tick();
    runs[0]!.finish();
    expect(await first).toBe(0);
    data.value = 1;
    const second = sharedRead(db, "overview|2201|202611", compute, STALE); // idle: computes afresh
    await tick();
    expect(runs).toHaveLength(2);
    data.value = 2;
    // Asked while the second runs: the first's answer at once, no one waits for the second.
    expect(await sharedRead(db, "overview|2201|202611", compute, STALE)).toBe(0);
    runs[1]!.finish();
    expect(await second).toBe(1);
    // The question asked during the second computation gets one more after it (after a rest).
    await expect.poll(() => runs.length).toBe(3);
    runs[2]!.finish();
    await expect.poll(() => sharedRead(db, "overview|2201|202611", compute, STALE)).toBe(2);
  });

  it("an idle server computes afresh for every question, however recent the last answer", async () => {
    const db = fakeDb();
    let value = 0;
    const compute = async () => value;
    expect(await sharedRead(db, "peers|2201", compute, STALE)).toBe(0);
    await tick();
    value = 1;
    expect(await sharedRead(db, "peers|2201", compute, STALE)).toBe(1);
  });

  it("an answer older than the limit is not given: the caller waits for the next computation", async () => {
    const db = fakeDb();
    const { data, runs, compute } = slowData();
    const first = sharedRead(db, "overview|2201|202611", compute, { staleMs: 1 });
    await tick();
    runs[0]!.finish();
    await first;
    data.value = 1;
    const running = sharedRead(db, "overview|2201|202611", compute, { staleMs: 1 });
    await tick();
    await new Promise((r) => setTimeout(r, 5));
    const waiting = sharedRead(db, "overview|2201|202611", compute, { staleMs: 1 });
    runs[1]!.finish();
    await expect.poll(() => runs.length).toBe(3);
    data.value = 2;
    runs[2]!.finish();
    expect(await running).toBe(1);
    expect(await waiting).toBe(1);
  });
});
