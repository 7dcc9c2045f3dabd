// Issue #14 on SQLite, the load bench's pattern in small: one import-like interactive transaction
// writes `chunks` × 1,000 rows with an event-loop turn between statements and then fails, while
// plain reads (every 5 ms) and plain writes (every 50 ms) arrive from outside. The library's
// one-connection adapter and ours (db/sqliteAdapter.ts) run in the same process, one after the other.
//   npx tsx bench/sqliteConnections.ts [chunks]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { createPrismaClient, type Db, prepareDb } from "../server/db/client";
import type { DatabaseConfig } from "../server/db/config";
import { PrismaClient } from "../server/db/generated/client";
import { applyMigrations } from "../server/dbadmin/migrate";
import { percentile } from "./databases";

const CHUNKS = Number(process.argv[2] ?? 50);
const CHUNK_ROWS = 1_000;

const row = (entity: string, i: number) => ({ regionCode: "220103", action: "IMPORT", entity, entityId: `r${i}` });

async function scenario(label: string, config: DatabaseConfig, db: Db) {
  await prepareDb(db, config);
  // Unmeasured: the first statements of a client compile Prisma's query plans.
  await db.auditLog.createMany({ data: [row("warm-up", 0)] });
  await db.$transaction((tx) => tx.auditLog.createMany({ data: [row("warm-up", 1)] }));
  await db.auditLog.count({ where: { entity: "imported" } });
  await db.auditLog.create({ data: row("warm-up", 2) });
  const readLatencies: number[] = [];
  let dirtyReads = 0;
  let acknowledgedWrites = 0;
  const writeLatencies: number[] = [];
  let importing = true;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();

  const importer = db
    .$transaction(
      async (tx) => {
        for (let chunk = 0; chunk < CHUNKS; chunk++) {
          await tx.auditLog.createMany({
            data: Array.from({ length: CHUNK_ROWS }, (_, i) => row("imported", chunk * CHUNK_ROWS + i)),
          });
          await new Promise((resolve) => setImmediate(resolve));
        }
        throw new Error("the import fails at its end");
      },
      { timeout: 600_000 },
    )
    .catch(() => {})
    .finally(() => {
      importing = false;
    });

  const reader = (async () => {
    while (importing) {
      const asked = performance.now();
      const seen = await db.auditLog.count({ where: { entity: "imported" } });
      readLatencies.push(performance.now() - asked);
      if (seen > 0) dirtyReads++;
      await sleep(5);
    }
  })();

  const writes: Promise<void>[] = [];
  const writer = (async () => {
    for (let i = 0; importing; i++) {
      const asked = performance.now();
      writes.push(
        db.auditLog.create({ data: row("plain", i) }).then(() => {
          acknowledgedWrites++;
          writeLatencies.push(performance.now() - asked);
        }),
      );
      await sleep(50);
    }
  })();

  await Promise.all([importer, reader, writer]);
  await Promise.all(writes);
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const kept = await db.auditLog.count({ where: { entity: "plain" } });
  await db.$disconnect();
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    [
      `${label}: ${CHUNKS * CHUNK_ROWS} rows in ${ms(elapsed)} wall, CPU ${ms((cpu.user + cpu.system) / 1000)}`,
      `  reads ${readLatencies.length}: saw the uncommitted import ${dirtyReads} times;` +
        ` latency median ${ms(percentile(readLatencies, 0.5))}, p95 ${ms(percentile(readLatencies, 0.95))}`,
      `  plain writes acknowledged ${acknowledgedWrites}, kept ${kept}, lost ${acknowledgedWrites - kept};` +
        ` latency median ${ms(percentile(writeLatencies, 0.5))}, max ${ms(Math.max(...writeLatencies))}`,
    ].join("\n"),
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-sqliteconn-"));
try {
  const template: DatabaseConfig = { provider: "sqlite", location: path.join(dir, "template.db") };
  await applyMigrations(template);
  const copy = (name: string): DatabaseConfig => {
    const location = path.join(dir, `${name}.db`);
    fs.copyFileSync(template.location, location);
    return { provider: "sqlite", location };
  };
  console.log(
    `load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`,
  );
  const single = copy("single");
  await scenario(
    "one connection (library adapter)",
    single,
    new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: single.location, timeout: 10_000 }) }),
  );
  const split = copy("split");
  await scenario("writer + reader (sqliteAdapter.ts)", split, createPrismaClient(split));
  console.log(
    `load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
