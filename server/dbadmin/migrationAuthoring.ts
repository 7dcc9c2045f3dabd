// `npm run db:migration:new`: new migration folders for both providers.
import fs from "node:fs";
import path from "node:path";
import { LOCAL_POSTGRES_URL } from "../cluster/reachable";
import type { DatabaseConfig } from "../db/config";
import { applyMigrations, diffAgainstSchema, ROOT } from "./migrate";
import { createDatabase, dropDatabase, withDatabase } from "./postgresAdmin";
import { MIGRATION_DIRS, writePostgresSchema } from "./schemaVariants";

/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and
 * prisma/postgres/migrations/<timestamp>_<name>/migration.sql by diffing a
 * scratch database of each provider that has the existing migrations applied.
 * The PostgreSQL side needs a server: POSTGRES_URL, default 127.0.0.1:5432.
 */
export async function createMigration(name: string): Promise<string[]> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`迁移名称只能包含小写字母、数字和下划线：${name}`);
  writePostgresSchema();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const written: string[] = [];
  const sqlite = await withScratchSqlite((config) => diffToNewMigration(config, stamp, name));
  if (sqlite) written.push(sqlite);
  const postgres = await withScratchPostgres((config) => diffToNewMigration(config, stamp, name));
  if (postgres) written.push(postgres);
  return written;
}

async function diffToNewMigration(config: DatabaseConfig, stamp: string, name: string): Promise<string | null> {
  await applyMigrations(config);
  const sql = await diffAgainstSchema(config);
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) return null;
  const dir = MIGRATION_DIRS[config.provider];
  const folder = path.join(dir, `${stamp}_${name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "migration.sql"), sql);
  const lock = path.join(dir, "migration_lock.toml");
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, `provider = "${config.provider}"\n`);
  return folder;
}

async function withScratchSqlite<T>(run: (config: DatabaseConfig) => Promise<T>): Promise<T> {
  const scratch = path.join(ROOT, "data", `.scratch-${process.pid}-${Date.now()}.db`);
  try {
    return await run({ provider: "sqlite", location: scratch });
  } finally {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(scratch + suffix, { force: true });
  }
}

async function withScratchPostgres<T>(run: (config: DatabaseConfig) => Promise<T>): Promise<T> {
  const server = process.env.POSTGRES_URL ?? LOCAL_POSTGRES_URL;
  const name = `burden_scratch_${process.pid}_${Date.now()}`;
  await createDatabase(server, name);
  try {
    return await run({ provider: "postgresql", location: withDatabase(server, name) });
  } finally {
    await dropDatabase(server, name);
  }
}
