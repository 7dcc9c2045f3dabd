// A scratch database per suite and provider: a temporary SQLite file, or a
// PostgreSQL database created on the local server and dropped afterwards.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { LOCAL_POSTGRES_URL, LOCAL_REDIS_URL } from "../server/cluster/reachable";
import { createPrismaClient, prepareDb, type Db } from "../server/db/client";
import type { DatabaseConfig, DatabaseProvider } from "../server/db/config";
import { applyMigrations } from "../server/dbadmin/migrate";
import { createDatabase, dropDatabase, withDatabase } from "../server/dbadmin/postgresAdmin";

export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? LOCAL_POSTGRES_URL;
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? LOCAL_REDIS_URL;

/** Put before every scratch database's name (BENCH_DB_PREFIX=s8b_): engineers sharing one PostgreSQL tell theirs apart. */
export const BENCH_DB_PREFIX = process.env.BENCH_DB_PREFIX ?? "";

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

// Scratch names carry the owning process's id, so a later run can tell a dead run's leftovers from a
// live run's (several benches share this machine's PostgreSQL).
const OWNED = /^(?:[a-z0-9]+_)?(?:burden_bench_[a-z]+_p|bench-[a-z]+-p)(\d+)[_-]/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Drops what runs killed outright left behind: on Ctrl-C tsx SIGKILLs a child whose event loop is busy
 * (seeding is), so its own clean-up never runs. Databases and folders of live runs are kept.
 */
export async function sweepDeadBenchDbs(): Promise<void> {
  const dead = (name: string) => {
    const owner = OWNED.exec(name)?.[1];
    return owner !== undefined && Number(owner) !== process.pid && !isAlive(Number(owner));
  };
  for (const entry of fs.readdirSync(os.tmpdir()))
    if (dead(entry)) fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  const client = new pg.Client({ connectionString: withDatabase(BENCH_POSTGRES_URL, "postgres") });
  try {
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE '%burden\\_bench\\_%'",
    );
    for (const { datname } of rows) if (dead(datname)) await dropDatabase(BENCH_POSTGRES_URL, datname);
  } catch {
    // No PostgreSQL here: nothing of it to sweep.
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createBenchDb(provider: DatabaseProvider, name: string): Promise<BenchDb> {
  let config: DatabaseConfig;
  let drop: () => Promise<void>;
  if (provider === "postgresql") {
    const database = `${BENCH_DB_PREFIX}burden_bench_${name}_p${process.pid}_${randomBytes(3).toString("hex")}`;
    await createDatabase(BENCH_POSTGRES_URL, database);
    config = { provider, location: withDatabase(BENCH_POSTGRES_URL, database) };
    drop = () => dropDatabase(BENCH_POSTGRES_URL, database);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-p${process.pid}-`));
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
