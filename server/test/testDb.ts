import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { LOCAL_POSTGRES_URL } from "../cluster/reachable";
import { createPrismaClient, prepareDb, type Db } from "../db/client";
import type { DatabaseConfig, DatabaseProvider } from "../db/config";
import { applyMigrations } from "../dbadmin/migrate";
import { createDatabase, dropDatabase, withDatabase } from "../dbadmin/postgresAdmin";
import { seedDemoIfEmpty } from "../services/demoSeed";
import { type TemplateKind, type TemplateRun, templateFor } from "./templateLocks";
import { copyDatabase } from "./templates";

export interface TestDb {
  db: Db;
  config: DatabaseConfig;
  cleanup(): Promise<void>;
}

/** `TEST_DATABASE=postgresql` runs the integration suite on PostgreSQL; SQLite otherwise. */
export const testProvider: DatabaseProvider = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

/** The PostgreSQL server tests create their databases on (trust auth on these machines). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? LOCAL_POSTGRES_URL;

/** A fresh database migrated by the same tool the app uses; removed by cleanup(). */
export async function createTestDb(provider: DatabaseProvider = testProvider): Promise<TestDb> {
  return fromTemplateOrFresh(provider, { seed: false });
}

/**
 * A fresh database holding the demo seed (长春市, its departments, accounts and a year of
 * records) as of `now` (default: the time the run's template was built); removed by cleanup().
 */
export async function createSeededTestDb(now?: Date, provider: DatabaseProvider = testProvider): Promise<TestDb> {
  return fromTemplateOrFresh(provider, { seed: true, now });
}

/**
 * The database of the enclosing describe block (or file): made before its tests by `create`, removed after them.
 * Its fields are read when a test runs, so hooks registered after this call already see the database.
 */
export function useTestDb(create: () => Promise<TestDb> = createTestDb): TestDb {
  let current: TestDb | undefined;
  beforeAll(async () => {
    current = await create();
  });
  afterAll(() => current?.cleanup());
  const made = () => {
    if (!current) throw new Error("测试数据库尚未创建：useTestDb 的数据库只能在测试和其后的钩子里使用");
    return current;
  };
  return {
    get db() {
      return made().db;
    },
    get config() {
      return made().config;
    },
    cleanup: () => made().cleanup(),
  };
}

async function fromTemplateOrFresh(provider: DatabaseProvider, kind: TemplateKind): Promise<TestDb> {
  const run = templateRun();
  const template = run ? await templateFor(run, provider, kind) : undefined;
  const testDb = provider === "postgresql" ? await createPostgresTestDb(template) : await createSqliteTestDb(template);
  // Outside Vitest's global setup (no templates) the seed runs here, as it used to.
  if (!template && kind.seed) await seedDemoIfEmpty(testDb.db, () => {}, kind.now);
  return testDb;
}

/** This run's templates, when Vitest's global setup provides them. */
function templateRun(): TemplateRun | undefined {
  try {
    return inject("templateRun");
  } catch {
    return undefined;
  }
}

async function createSqliteTestDb(template?: DatabaseConfig): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "burden-test-"));
  const config: DatabaseConfig = { provider: "sqlite", location: path.join(dir, "test.db") };
  if (template) await copyDatabase(template, config);
  else await applyMigrations(config);
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

async function createPostgresTestDb(template?: DatabaseConfig): Promise<TestDb> {
  const name = `burden_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const config: DatabaseConfig = { provider: "postgresql", location: withDatabase(TEST_POSTGRES_URL, name) };
  if (template) {
    await copyDatabase(template, config);
  } else {
    await createDatabase(TEST_POSTGRES_URL, name);
    try {
      await applyMigrations(config);
    } catch (error) {
      await dropDatabase(TEST_POSTGRES_URL, name);
      throw error;
    }
  }
  const db = createPrismaClient(config);
  return {
    db,
    config,
    async cleanup() {
      await db.$disconnect();
      await dropDatabase(TEST_POSTGRES_URL, name);
    },
  };
}

/** Points the app's shared client (getDb, better-auth) at a test database. */
export function useAsAppDb(testDb: TestDb): void {
  (globalThis as { __burdenDb?: Db }).__burdenDb = testDb.db;
  process.env.DATABASE_URL =
    testDb.config.provider === "postgresql" ? testDb.config.location : `file:${testDb.config.location}`;
}
