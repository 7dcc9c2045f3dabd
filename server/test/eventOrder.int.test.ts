// @providers: sqlite, postgresql covers db/alertRepository.ts — event order, concurrent writers
// Alert events become visible in sequence order, even with concurrent writers
// (several instances share one PostgreSQL database): a reader that has seen
// seq N never later finds an event below N it had not seen. Clients replay
// "after the last seq", so a late lower seq would be a lost alert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "../db/client";
import { noteAlert } from "../services/alerts/alertActions";
import { evaluateAllCounties } from "../services/alerts/alertScheduler";
import { sessionUser } from "./fixtures";
import { createSeededTestDb, type TestDb } from "./testDb";

describe("alert event visibility order", () => {
  let testDb: TestDb;
  let writers: Db[];

  beforeAll(async () => {
    testDb = await createSeededTestDb();
    await evaluateAllCounties(testDb.db, 202611);
    // On PostgreSQL separate clients (separate pools) stand for separate instances;
    // SQLite is one instance's file, written through its one client.
    writers =
      testDb.config.provider === "postgresql"
        ? [1, 2, 3].map(() => createPrismaClient(testDb.config))
        : [testDb.db, testDb.db, testDb.db];
  });
  afterAll(async () => {
    if (testDb.config.provider === "postgresql") await Promise.all(writers.map((w) => w.$disconnect()));
    await testDb.cleanup();
  });

  it("never shows a higher sequence before a lower one commits", async () => {
    const inspector = await sessionUser(testDb.db, "inspector");
    const alert = await testDb.db.alert.findFirstOrThrow({ where: { regionCode: { startsWith: "220103" } } });
    const start = (await testDb.db.alertEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;

    let writing = true;
    const seen = new Set<number>();
    let highest = start;
    const lateArrivals: number[] = [];
    const reader = (async () => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const finalRead = !writing; // every write has committed before this read
        const rows = await testDb.db.alertEvent.findMany({
          where: { seq: { gt: start } },
          select: { seq: true },
          orderBy: { seq: "asc" },
        });
        for (const { seq } of rows) {
          if (seen.has(seq)) continue;
          if (seq < highest) lateArrivals.push(seq);
          seen.add(seq);
          highest = Math.max(highest, seq);
        }
        if (finalRead) break;
        // SQLite serialises one client's work: let the writers in. PostgreSQL reads on its own connection.
        if (testDb.config.provider === "sqlite") await new Promise((r) => setTimeout(r, 2));
      }
    })();
    // 240 notes from three "instances", ten at a time each.
    try {
      await Promise.all(
        writers.map(async (db, w) => {
          for (let round = 0; round < 8; round += 1) {
            await Promise.all(
              Array.from({ length: 10 }, (_, i) => noteAlert(db, inspector, alert.id, `并发备注 ${w}-${round}-${i}`)),
            );
          }
        }),
      );
    } finally {
      writing = false;
      await reader;
    }

    expect(seen.size).toBe(240);
    expect(lateArrivals).toEqual([]);
  });
});
