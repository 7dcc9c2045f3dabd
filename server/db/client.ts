import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-pg/client";
import { SplitSqliteAdapterFactory } from "./sqliteAdapter";
import { databaseConfig, type DatabaseConfig, type DatabaseProvider } from "./config";

// Both generated clients expose the same model API (one data model); code is
// typed against the SQLite one and uses only what both providers support.
export type Db = PrismaClient;

/** The client inside a transaction, as repositories and services take it. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** PostgreSQL connections per app instance; several instances share the server's limit. */
const PG_POOL_SIZE = Number(process.env.PG_POOL_SIZE ?? 10);

/** busy_timeout of every SQLite connection, ms. */
const SQLITE_BUSY_TIMEOUT = 10_000;

/** The migrations' connection: on SQLite one connection, as the schema engine expects of a file. */
export function createAdapterFactory(config: DatabaseConfig) {
  if (config.provider === "postgresql") {
    return new PrismaPg({ connectionString: config.location, max: PG_POOL_SIZE });
  }
  fs.mkdirSync(path.dirname(config.location), { recursive: true });
  return new PrismaBetterSqlite3({ url: config.location, timeout: SQLITE_BUSY_TIMEOUT });
}

// A write waits its turn rather than failing: SQLite runs one transaction at a time and a ledger
// import holds it for seconds, and a busy PostgreSQL pool hands out a connection late; Prisma's
// default of 2 s turned both into errors for the user under load (issue #14's load test).
// The 5 s default timeout counts the wait for the event-order lock too: 30 notes written at once by
// three instances on a loaded machine (eventOrder.int) expired after 5.08 s and lost the user's note.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 };

export function createPrismaClient(config: DatabaseConfig = databaseConfig()): Db {
  if (config.provider === "postgresql") {
    return new PostgresPrismaClient({
      adapter: createAdapterFactory(config) as PrismaPg,
      transactionOptions: TRANSACTION_OPTIONS,
    }) as unknown as Db;
  }
  fs.mkdirSync(path.dirname(config.location), { recursive: true });
  // Reads outside a transaction on a reader connection, writes between transactions (sqliteAdapter.ts).
  return new PrismaClient({
    adapter: new SplitSqliteAdapterFactory({ file: config.location, timeout: SQLITE_BUSY_TIMEOUT }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
}

/** Which SQL dialect a client (or a transaction client made from it) speaks. */
export function dialectOf(db: unknown): DatabaseProvider {
  return (db as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
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
