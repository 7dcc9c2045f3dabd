// @providers: sqlite, postgresql — one contract for both: no write statement holds the event loop, and a write's errors reach Prisma unchanged
// On SQLite the writer connection runs on its own thread (db/sqliteWriter.ts): the event loop serves
// other work while a transaction's long statement runs, and a failed write inside or outside a
// transaction still becomes the same Prisma error. PostgreSQL's driver always waited on the socket.
import { describe, expect, it } from "vitest";
import { useTestDb } from "./testDb";

// Half a second of SQLite work (more on PostgreSQL), long enough for many 1 ms timers.
const LONG_INSERT =
  "INSERT INTO write_thread_scratch (i) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) SELECT i FROM n";

const region = (code: string) => ({ code, name: `测试区划${code}`, level: 5 });

describe("writes that leave the event loop free", () => {
  const testDb = useTestDb();

  it("keeps the event loop turning while a transaction's long insert runs", async () => {
    let ticks = 0;
    const inserted = await testDb.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("CREATE TABLE write_thread_scratch (i INTEGER)");
      const timer = setInterval(() => {
        ticks += 1;
      }, 1);
      try {
        return await tx.$executeRawUnsafe(LONG_INSERT);
      } finally {
        clearInterval(timer);
      }
    });
    expect(inserted).toBe(1_000_000);
    // On the main thread the statement runs synchronously: not one timer fires until it returns.
    expect(ticks).toBeGreaterThan(5);
    await testDb.db.$executeRawUnsafe("DROP TABLE write_thread_scratch");
  });

  it("turns a unique violation into P2002, inside a transaction and outside", async () => {
    const { db } = testDb;
    await db.region.create({ data: region("W01") });
    const codeOf = (error: unknown) => (error as { code?: string }).code ?? error;
    const inside = await db
      .$transaction(async (tx) => {
        await tx.region.create({ data: region("W02") });
        await tx.region.create({ data: region("W01") });
      })
      .catch(codeOf);
    expect(inside).toBe("P2002");
    expect(await db.region.create({ data: region("W01") }).catch(codeOf)).toBe("P2002");
    // The failed transaction left nothing behind.
    expect(await db.region.findUnique({ where: { code: "W02" } })).toBeNull();
  });
});
