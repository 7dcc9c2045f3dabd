// Offline migrations through Prisma's WebAssembly schema engine: the CLI's
// native engine would be downloaded at install time, which these networks forbid.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createAdapterFactory } from "./client";
import { databaseConfig, type DatabaseConfig, type DatabaseProvider } from "./config";
import { createDatabase, dropDatabase, withDatabase } from "./postgresAdmin";
import { MIGRATION_DIRS, SCHEMA_PATHS, writePostgresSchema } from "./schemaVariants";

const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

let wasmReady: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const jsEntry = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm"));
    const bytes = fs.readFileSync(path.join(path.dirname(jsEntry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
    });
    engineBindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

function schemaFiles(provider: DatabaseProvider) {
  const file = SCHEMA_PATHS[provider];
  return [{ path: file, content: fs.readFileSync(file, "utf8") }];
}

async function withEngine<T>(config: DatabaseConfig, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  // The engine does not close the connections it opens; track them so the next
  // engine (or the app) does not wait on a lock held by a freed one.
  const factory = config.provider === "postgresql" ? introspectingPgFactory(config.location) : createAdapterFactory(config);
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      opened.push(connection);
      return connection;
    },
    connectToShadowDb: async () => {
      const connection = await factory.connectToShadowDb();
      opened.push(connection);
      return connection;
    },
  };
  const adapter = bindMigrationAwareSqlAdapterFactory(tracked);
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: schemaFiles(config.provider).map((f) => [f.path, f.content] as [string, string]) },
    () => {},
    adapter,
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((connection) => connection.dispose()));
  }
}

// PostgreSQL's catalogue has "char" columns (relkind, contype, …) that the
// engine reads while introspecting; the pg adapter has no column type for them,
// so they are passed on as text, which is what they hold.
const PG_CHAR = 18;
const PG_TEXT = 25;

type PgResult = { fields?: { dataTypeID: number }[] } | undefined;
const charAsText = <R extends PgResult>(result: R): R => {
  for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
  return result;
};

class CharAsTextClient extends pg.Client {
  // Both call styles reach here: the pool passes a callback, the adapter awaits.
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: unknown, result: PgResult) => callback(error, charAsText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => Promise<PgResult>)(...args);
    return (pending && typeof pending.then === "function" ? pending.then(charAsText) : pending) as never;
  }
}

function introspectingPgFactory(url: string) {
  return new PrismaPg(new pg.Pool({ connectionString: url, max: 2, Client: CharAsTextClient }), { disposeExternalPool: true });
}

export function readMigrations(dir: string): MigrationList {
  const names = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, "migration.sql"))).sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/** Applies pending migrations; idempotent. Returns the names applied now. */
export async function applyMigrations(config: DatabaseConfig = databaseConfig()): Promise<string[]> {
  return withEngine(config, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrations(MIGRATION_DIRS[config.provider]), filters: NO_FILTER });
    return result.appliedMigrationNames;
  });
}

/** SQL that takes a database at the current migrations to the schema in prisma/schema.prisma. */
export async function diffAgainstSchema(config: DatabaseConfig): Promise<string> {
  return withEngine(config, async (engine) => {
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files: schemaFiles(config.provider), configDir: ROOT },
      to: { tag: "schemaDatamodel", files: schemaFiles(config.provider) },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return result.stdout ?? "";
  });
}

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
  const server = process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `burden_scratch_${process.pid}_${Date.now()}`;
  await createDatabase(server, name);
  try {
    return await run({ provider: "postgresql", location: withDatabase(server, name) });
  } finally {
    await dropDatabase(server, name);
  }
}
