import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { databaseConfig, type DatabaseConfig } from "./config";

export type Db = PrismaClient;

export function createAdapterFactory(config: DatabaseConfig) {
  if (config.provider !== "sqlite") {
    throw new Error("PostgreSQL 模式尚未启用：请使用 SQLite（file:路径）");
  }
  fs.mkdirSync(path.dirname(config.location), { recursive: true });
  return new PrismaBetterSqlite3({ url: config.location, timeout: 10_000 });
}

export function createPrismaClient(config: DatabaseConfig = databaseConfig()): Db {
  return new PrismaClient({ adapter: createAdapterFactory(config) });
}

/** Connection settings; run once per client before serving. */
export async function prepareDb(db: Db, config: DatabaseConfig = databaseConfig()): Promise<void> {
  if (config.provider === "sqlite") {
    // WAL lets readers go on while a write commits; NORMAL sync is safe under WAL.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  }
}

// The custom server and Next's route bundles load this module separately, so the
// one client both use lives on globalThis.
const globalForDb = globalThis as typeof globalThis & { __burdenDb?: Db };

export function getDb(): Db {
  globalForDb.__burdenDb ??= createPrismaClient();
  return globalForDb.__burdenDb;
}

export async function closeDb(): Promise<void> {
  const db = globalForDb.__burdenDb;
  globalForDb.__burdenDb = undefined;
  if (db) await db.$disconnect();
}
