// @providers: sqlite — the writer and the reader connection of one SQLite file; PostgreSQL has a pool of equals
// How the SQLite adapter (db/sqliteAdapter.ts) shares one file between its writer and its reader:
// writes outside a transaction wait for the open one, the journal mode can still be changed after
// reads (the test templates fold their log into the file that way), $disconnect closes both, and a
// writer thread that dies takes its open transaction with it.
import fs from "node:fs";
import type { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { PrismaClient } from "../db/generated/client";
import { SplitSqliteAdapterFactory } from "../db/sqliteAdapter";
import type { LaunchThread } from "../db/sqliteThread";
import { launchSqliteThread } from "../db/sqliteThreadLauncher";
import { openTransaction } from "./openTransaction";
import { useTestDb } from "./testDb";

const region = (code: string) => ({ code, name: `测试区划${code}`, level: 5 });

/** Runs `body` while an interactive transaction that has written a row stays open; it then fails. */
async function duringFailingTransaction(db: Db, body: () => Promise<void>): Promise<void> {
  const transaction = openTransaction(db, async (tx) => {
    await tx.region.create({ data: region("S01") });
  });
  await transaction.open;
  try {
    await body();
  } finally {
    transaction.fail();
    await transaction.ended;
  }
}

const turns = async (count: number) => {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
};

describe("the SQLite adapter's two connections", () => {
  const testDb = useTestDb();

  it("a write outside a transaction waits until the open transaction has ended", async () => {
    const { db } = testDb;
    const events: string[] = [];
    let write: Promise<unknown> | undefined;
    await duringFailingTransaction(db, async () => {
      write = db.region.create({ data: region("S02") }).then(() => events.push("written"));
      // Long enough for the write to run inside the transaction, as it did on one connection.
      await turns(50);
      events.push("transaction ends");
    });
    await write;
    expect(events).toEqual(["transaction ends", "written"]);
    expect(await db.region.findUnique({ where: { code: "S02" } })).not.toBeNull();
  });

  it("changes the journal mode after reads have opened the reader", async () => {
    // The file must be this adapter's alone; the test client connects again when next asked.
    await testDb.db.$disconnect();
    const adapter = await new SplitSqliteAdapterFactory({ file: testDb.config.location, timeout: 10_000 }).connect();
    const query = (sql: string) => adapter.queryRaw({ sql, args: [], argTypes: [] });
    try {
      expect((await query(`SELECT count(*) FROM "Region"`)).rows).toHaveLength(1);
      // Leaving WAL needs the file alone: with the reader open SQLite keeps WAL and says so.
      expect((await query("PRAGMA journal_mode = DELETE")).rows).toEqual([["delete"]]);
      expect((await query(`SELECT count(*) FROM "Region"`)).rows).toHaveLength(1);
      expect((await query("PRAGMA journal_mode = WAL")).rows).toEqual([["wal"]]);
    } finally {
      await adapter.dispose();
    }
  });

  it("$disconnect closes the reader too: the last connection folds the log into the file", async () => {
    const { db, config } = testDb;
    await db.region.count();
    await db.region.create({ data: region("S03") });
    expect(fs.existsSync(`${config.location}-wal`)).toBe(true);
    await db.$disconnect();
    expect(fs.existsSync(`${config.location}-wal`)).toBe(false);
    // The client connects again on its next query.
    expect(await db.region.findUnique({ where: { code: "S03" } })).not.toBeNull();
  });

  it("a writer thread that dies fails its open transaction, keeps none of it, and the next write opens another", async () => {
    const writers: Worker[] = [];
    const launch: LaunchThread = (data) => {
      const worker = launchSqliteThread(data);
      if (data.role === "writer") writers.push(worker);
      return worker;
    };
    const file = testDb.config.location;
    const db = new PrismaClient({ adapter: new SplitSqliteAdapterFactory({ file, timeout: 10_000, launch }) });
    try {
      const transaction = db.$transaction(async (tx) => {
        await tx.region.create({ data: region("S04") });
        await writers[0]!.terminate();
        await tx.region.create({ data: region("S05") });
      });
      await expect(transaction).rejects.toThrow(/数据库写入线程已停止/);
      await db.region.create({ data: region("S06") });
      expect(writers).toHaveLength(2);
      const written = await db.region.findMany({ where: { code: { in: ["S04", "S05", "S06"] } } });
      expect(written.map((row) => row.code)).toEqual(["S06"]);
    } finally {
      await db.$disconnect();
    }
  });
});
