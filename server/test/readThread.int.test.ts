// @providers: sqlite, postgresql — one contract for both: no read statement holds the event loop
// On SQLite reads outside a transaction run on the read thread (db/sqliteReader.ts): the event loop serves
// other work while a long statement runs, and a read's rows and errors come back as on the main thread.
// PostgreSQL's driver always waited on the socket; the file checks that both keep to it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKGROUND_READ } from "../db/readLane";
import { createTestDb, type TestDb } from "./testDb";

// About a second of SQLite work on this machine, long enough for many 1 ms timers.
const SLOW_COUNT =
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS c FROM n";

describe("reads that leave the event loop free", () => {
  let test: TestDb;
  beforeAll(async () => {
    test = await createTestDb();
  });
  afterAll(() => test?.cleanup());

  it("keeps the event loop turning while a long read runs", async () => {
    await test.db.region.count(); // opens the read side
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 1);
    const [row] = await test.db.$queryRawUnsafe<{ c: bigint | number }[]>(SLOW_COUNT);
    clearInterval(timer);
    expect(Number(row!.c)).toBe(3_000_000);
    // On the main thread the statement runs synchronously: not one timer fires until it returns.
    expect(ticks).toBeGreaterThan(5);
  });

  it("answers a short read while a long one runs", async () => {
    const order: string[] = [];
    const slow = test.db.$queryRawUnsafe(SLOW_COUNT).then(() => order.push("long"));
    await new Promise((r) => setTimeout(r, 20)); // the long read is under way
    await test.db.region.count().then(() => order.push("short"));
    await slow;
    // With one read connection the probe's SELECT waited behind every long read before it.
    expect(order).toEqual(["short", "long"]);
  });

  it("returns rows and typed values, and Prisma's own errors, as on the main thread", async () => {
    const expiresAt = new Date("2026-12-31T16:00:00.000Z");
    await test.db.silence.create({
      data: { regionCode: "220103", reason: "读线程测试", createdById: "u1", expiresAt },
    });
    const found = await test.db.silence.findFirst({ where: { reason: "读线程测试" } });
    expect(found).toMatchObject({ regionCode: "220103", ruleKey: null });
    expect(found!.expiresAt).toEqual(expiresAt);
    await expect(test.db.$queryRawUnsafe("SELECT * FROM no_such_table")).rejects.toThrow(/no_such_table/);
    expect(await test.db.silence.count({ where: { regionCode: "220103" } })).toBe(1);
  });
});

describe("the dashboards' background reads", () => {
  let test: TestDb;
  beforeAll(async () => {
    test = await createTestDb();
  });
  afterAll(() => test?.cleanup());

  it("queue on one read thread: a page's read is answered while three of them run", async () => {
    // Three long reads arriving together open the pool's three threads, one each.
    await Promise.all([1, 2, 3].map(() => test.db.$queryRawUnsafe(SLOW_COUNT)));
    const order: string[] = [];
    const slow = Promise.all(
      [1, 2, 3].map(() => test.db.$queryRawUnsafe(`${BACKGROUND_READ} ${SLOW_COUNT}`).then(() => order.push("long"))),
    );
    await new Promise((r) => setTimeout(r, 20)); // the long reads are under way
    await test.db.region.count().then(() => order.push("short"));
    await slow;
    // Spread over every read thread, they left the page's read (and the session's) queued behind one of them.
    expect(order[0]).toBe("short");
  });
});
