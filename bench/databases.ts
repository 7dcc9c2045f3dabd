// A scratch database per suite and provider: a temporary SQLite file, or a
// PostgreSQL database created on the local server and dropped afterwards.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LOCAL_POSTGRES_URL, LOCAL_REDIS_URL } from "../server/cluster/reachable";
import { createPrismaClient, prepareDb, type Db } from "../server/db/client";
import type { DatabaseConfig, DatabaseProvider } from "../server/db/config";
import { applyMigrations } from "../server/dbadmin/migrate";
import { createDatabase, dropDatabase, withDatabase } from "../server/dbadmin/postgresAdmin";

export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? LOCAL_POSTGRES_URL;
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? LOCAL_REDIS_URL;

export const PROVIDER_LABEL: Record<DatabaseProvider, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

export interface BenchDb {
  config: DatabaseConfig;
  db: Db;
  /** DATABASE_URL form, for code that reads the environment (auth, getDb). */
  url: string;
  cleanup(): Promise<void>;
}

// Databases not yet cleaned up, so a failed run does not leave them behind.
const open = new Set<BenchDb>();

export async function cleanupBenchDbs(): Promise<void> {
  for (const bench of [...open]) await bench.cleanup().catch(() => {});
}

export async function createBenchDb(provider: DatabaseProvider, name: string): Promise<BenchDb> {
  let config: DatabaseConfig;
  let drop: () => Promise<void>;
  if (provider === "postgresql") {
    const database = `burden_bench_${name}_${randomBytes(3).toString("hex")}`;
    await createDatabase(BENCH_POSTGRES_URL, database);
    config = { provider, location: withDatabase(BENCH_POSTGRES_URL, database) };
    drop = () => dropDatabase(BENCH_POSTGRES_URL, database);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
    config = { provider, location: path.join(dir, "bench.db") };
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  await applyMigrations(config);
  const db = createPrismaClient(config);
  await prepareDb(db, config);
  const bench: BenchDb = {
    config,
    db,
    url: provider === "postgresql" ? config.location : `file:${config.location}`,
    async cleanup() {
      open.delete(bench);
      await db.$disconnect();
      await drop();
    },
  };
  open.add(bench);
  return bench;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}
