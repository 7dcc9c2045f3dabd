// @providers: sqlite, postgresql covers db/client.ts — one contract for both: a statement outside a transaction is never part of another request's open one
// Issue #14: on SQLite the adapter had one connection, so a plain read or write that came while
// another request's interactive transaction was open (a ledger import between its chunks,
// record.create) ran inside it: reads saw rows that were then rolled back, and a write answered
// "done" and was rolled back with the transaction that failed.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db, Tx } from "../db/client";
import { openTransaction } from "./openTransaction";
import { useTestDb } from "./testDb";

/**
 * Sends a Prisma query now (they run when first awaited) and gives it some event-loop turns to
 * finish: time to run inside the open transaction if it could, none needed for the test to pass.
 */
async function sendNow<T>(query: PromiseLike<T>): Promise<{ result: Promise<T> }> {
  const sent = Promise.resolve(query);
  sent.catch(() => {});
  let settled = false;
  sent.finally(() => {
    settled = true;
  });
  for (let turn = 0; turn < 50 && !settled; turn++) await new Promise((resolve) => setImmediate(resolve));
  // Wrapped: an async function returning the promise itself would wait for it.
  return { result: sent };
}

const region = (code: string) => ({ code, name: `测试区划${code}`, level: 5 });

describe("statements outside a transaction while another one is open", () => {
  const testDb = useTestDb();
  let db: Db;
  beforeAll(async () => {
    db = testDb.db;
  });

  // A failed expectation leaves its transaction open: end it, or the next test waits for its timeout.
  const opened: ReturnType<typeof openTransaction>[] = [];
  const open = (work: (tx: Tx) => Promise<void>) => {
    const transaction = openTransaction(db, work);
    opened.push(transaction);
    return transaction;
  };
  afterEach(async () => {
    for (const transaction of opened.splice(0)) {
      transaction.fail();
      await transaction.ended;
    }
  });

  it("a read outside does not see the open transaction's rows, and sees them once it commits", async () => {
    const importing = open(async (tx) => {
      await tx.region.create({ data: region("T01") });
    });
    await importing.open;
    expect(await db.region.count({ where: { code: "T01" } })).toBe(0);
    expect(await db.region.findMany({ where: { code: { in: ["T01"] } } })).toEqual([]);
    expect(await db.region.findUnique({ where: { code: "T01" } })).toBeNull();
    importing.commit();
    expect(await importing.ended).toBe("committed");
    expect(await db.region.count({ where: { code: "T01" } })).toBe(1);
  });

  it("a write outside survives when the open transaction then fails", async () => {
    await db.region.create({ data: region("T08") });
    const importing = open(async (tx) => {
      await tx.region.create({ data: region("T02") });
    });
    await importing.open;
    const written = await sendNow(db.region.create({ data: region("T03") }));
    const renamed = await sendNow(db.region.updateMany({ where: { code: "T08" }, data: { name: "改名后" } }));
    importing.fail();
    expect(await importing.ended).toBe("rolled back");
    await written.result;
    expect((await renamed.result).count).toBe(1);
    expect(await db.region.findUnique({ where: { code: "T03" } })).toMatchObject({ code: "T03" });
    expect(await db.region.findUnique({ where: { code: "T08" } })).toMatchObject({ name: "改名后" });
    expect(await db.region.findUnique({ where: { code: "T02" } })).toBeNull();
  });

  it("raw SELECTs read committed rows, and INSERT … RETURNING outside is kept", async () => {
    const importing = open(async (tx) => {
      await tx.region.create({ data: region("T04") });
    });
    await importing.open;
    const counted = await db.$queryRaw<{ n: number | bigint }[]>`
      SELECT count(*) AS n FROM "Region" WHERE code IN ('T04', 'T05')`;
    expect(Number(counted[0]!.n)).toBe(0);
    const returned = await sendNow(db.$queryRaw<{ code: string }[]>`
      INSERT INTO "Region" (code, name, level, "villageCount", "communityCount")
      VALUES ('T05', '原样插入', 5, 0, 0) RETURNING code`);
    const createdMany = await sendNow(db.region.createManyAndReturn({ data: [region("T06")], select: { code: true } }));
    importing.fail();
    expect(await importing.ended).toBe("rolled back");
    expect(await returned.result).toEqual([{ code: "T05" }]);
    expect(await createdMany.result).toEqual([{ code: "T06" }]);
    const kept = await db.$queryRaw<{ code: string }[]>`
      SELECT code FROM "Region" WHERE code IN ('T04', 'T05', 'T06') ORDER BY code`;
    expect(kept.map((row) => row.code)).toEqual(["T05", "T06"]);
  });

  it("a write outside followed by a read sees the write", async () => {
    await db.region.create({ data: region("T07") });
    expect(await db.region.count({ where: { code: "T07" } })).toBe(1);
    await db.region.delete({ where: { code: "T07" } });
    expect(await db.region.findUnique({ where: { code: "T07" } })).toBeNull();
  });
});
