import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, prepareDb, type Db } from "../db/client";
import type { DatabaseConfig } from "../db/config";
import { applyMigrations } from "../db/migrate";

export interface TestDb {
  db: Db;
  config: DatabaseConfig;
  cleanup(): Promise<void>;
}

/** A fresh SQLite file migrated by the same tool the app uses; removed by cleanup(). */
export async function createTestDb(): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "burden-test-"));
  const config: DatabaseConfig = { provider: "sqlite", location: path.join(dir, "test.db") };
  await applyMigrations(config);
  const db = createPrismaClient(config);
  await prepareDb(db, config);
  return {
    db,
    config,
    async cleanup() {
      await db.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Points the app's shared client (getDb, better-auth) at a test database. */
export function useAsAppDb(testDb: TestDb): void {
  (globalThis as { __burdenDb?: Db }).__burdenDb = testDb.db;
  process.env.DATABASE_URL = `file:${testDb.config.location}`;
}
