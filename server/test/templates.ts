// Template databases for the integration suite. Seeding 长春市 takes half a minute,
// so one test run seeds each distinct template once and every file gets a copy:
// SQLite copies the file, PostgreSQL runs CREATE DATABASE … TEMPLATE. Templates are
// built lazily by the first file that asks (others wait on a lock directory), so a
// run of unit tests alone builds nothing; the global setup removes them at the end.
// A seeded template is built from the migrated one, so migrations run once per run.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createPrismaClient, prepareDb } from "../db/client";
import type { DatabaseConfig, DatabaseProvider } from "../db/config";
import { applyMigrations } from "../dbadmin/migrate";
import { createDatabase, withDatabase } from "../dbadmin/postgresAdmin";
import { seedDemoIfEmpty } from "../services/demoSeed";

/** What a run shares with its test files (written by the global setup). */
export interface TemplateRun {
  /** Directory holding locks, markers and SQLite template files. */
  dir: string;
  /** Prefix of this run's PostgreSQL template database names. */
  pgPrefix: string;
  postgresUrl: string;
}

/** The contents a test database starts with: migrated and empty, or the demo seed as of `now`. */
export type TemplateKind = { seed: false } | { seed: true; now?: Date };

const WAIT_LIMIT_MS = 10 * 60_000;
const BUILDER = fileURLToPath(new URL("./templateBuilder.ts", import.meta.url));

function keyOf(kind: TemplateKind): string {
  if (!kind.seed) return "migrated";
  return kind.now ? `seed_${kind.now.toISOString().replace(/\D/g, "").slice(0, 14)}` : "seed_now";
}

/**
 * The template's location, once built. The first caller starts the build in a
 * separate process, so a test file that times out waiting does not take a
 * half-built template down with it; every caller then waits for the marker.
 */
export async function templateFor(
  run: TemplateRun,
  provider: DatabaseProvider,
  kind: TemplateKind,
): Promise<DatabaseConfig> {
  const { key, config, ready, failed, lock } = paths(run, provider, kind);
  try {
    fs.mkdirSync(lock);
    const child = spawn(process.execPath, ["--import", "tsx", BUILDER, JSON.stringify({ run, provider, kind })], {
      detached: true,
      stdio: "inherit",
    });
    fs.writeFileSync(path.join(lock, "pid"), String(child.pid));
    child.unref();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const started = Date.now();
  while (!fs.existsSync(ready)) {
    if (fs.existsSync(failed)) throw new Error(`模板数据库 ${key} 构建失败：\n${fs.readFileSync(failed, "utf8")}`);
    if (Date.now() - started > WAIT_LIMIT_MS || builderGone(lock))
      throw new Error(`等待模板数据库 ${key} 超时或构建进程已退出`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return config;
}

/** Builds one template in this process and leaves the marker the waiters look for (templateBuilder.ts). */
export async function buildTemplate(run: TemplateRun, provider: DatabaseProvider, kind: TemplateKind): Promise<void> {
  const { config, ready, failed } = paths(run, provider, kind);
  try {
    await build(run, config, kind);
    fs.writeFileSync(ready, "");
  } catch (error) {
    fs.writeFileSync(failed, String((error as Error).stack ?? error));
    throw error;
  }
}

function paths(run: TemplateRun, provider: DatabaseProvider, kind: TemplateKind) {
  const key = `${provider}_${keyOf(kind)}`;
  const config: DatabaseConfig =
    provider === "sqlite"
      ? { provider, location: path.join(run.dir, `${key}.db`) }
      : { provider, location: withDatabase(run.postgresUrl, `${run.pgPrefix}${key}`) };
  const file = (suffix: string) => path.join(run.dir, `${key}.${suffix}`);
  return { key, config, ready: file("ready"), failed: file("failed"), lock: file("lock") };
}

/** A builder killed mid-build (a timed-out test file) leaves no marker: do not wait for it forever. */
function builderGone(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lock, "pid"), "utf8"));
  } catch {
    return false;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function build(run: TemplateRun, config: DatabaseConfig, kind: TemplateKind): Promise<void> {
  if (kind.seed) {
    const migrated = await templateFor(run, config.provider, { seed: false });
    await copyDatabase(migrated, config);
  } else if (config.provider === "postgresql") {
    await createDatabase(run.postgresUrl, databaseName(config));
    await applyMigrations(config);
    return;
  } else {
    await applyMigrations(config);
    return;
  }
  const db = createPrismaClient(config);
  try {
    await prepareDb(db, config);
    await seedDemoIfEmpty(db, () => {}, kind.now);
    // Copies are of the main file alone: fold the write-ahead log into it first.
    if (config.provider === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = DELETE");
  } finally {
    await db.$disconnect();
  }
}

function databaseName(config: DatabaseConfig): string {
  return new URL(config.location).pathname.slice(1);
}

/** Copies a template into `target` (a file path or a database that must not exist yet). */
export async function copyDatabase(template: DatabaseConfig, target: DatabaseConfig): Promise<void> {
  if (template.provider === "sqlite") {
    fs.copyFileSync(template.location, target.location);
    return;
  }
  const server = withDatabase(target.location, "postgres");
  // PostgreSQL refuses to copy a database someone is connected to; a template's
  // builder has just disconnected, and its server-side backend may linger a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      await createDatabase(server, databaseName(target), databaseName(template));
      return;
    } catch (error) {
      if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
