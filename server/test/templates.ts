// Template databases for the integration suite. Seeding 长春市 takes half a minute,
// so one test run seeds each distinct template once and every file gets a copy:
// SQLite copies the file, PostgreSQL runs CREATE DATABASE … TEMPLATE. Each template is
// built in its own process (templateBuilder.ts), started by the global setup for the
// common ones or by the first file that asks (templateLocks.ts); the global setup
// removes them at the end. A seeded template is built from the migrated one, so
// migrations run once per run.
import fs from "node:fs";
import { createPrismaClient, prepareDb } from "../db/client";
import type { DatabaseConfig, DatabaseProvider } from "../db/config";
import { applyMigrations } from "../dbadmin/migrate";
import { createDatabase, withDatabase } from "../dbadmin/postgresAdmin";
import { seedDemoIfEmpty } from "../services/demoSeed";
import { type TemplateKind, type TemplateRun, templateFor, templatePaths } from "./templateLocks";

export { FIXED_SEED_DATE, type TemplateKind, type TemplateRun, templateFor } from "./templateLocks";

/** Builds one template in this process and leaves the marker the waiters look for (templateBuilder.ts). */
export async function buildTemplate(run: TemplateRun, provider: DatabaseProvider, kind: TemplateKind): Promise<void> {
  const { config, ready, failed } = templatePaths(run, provider, kind);
  try {
    await build(run, config, kind);
    fs.writeFileSync(ready, "");
  } catch (error) {
    fs.writeFileSync(failed, String((error as Error).stack ?? error));
    throw error;
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
