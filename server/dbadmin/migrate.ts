// Offline migrations through Prisma's WebAssembly schema engine: the CLI's
// native engine would be downloaded at install time, which these networks forbid.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { createAdapterFactory } from "../db/client";
import { databaseConfig, type DatabaseConfig, type DatabaseProvider } from "../db/config";
import { introspectingPgFactory } from "./pgIntrospection";
import { MIGRATION_DIRS, SCHEMA_PATHS } from "./schemaVariants";

export const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

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
  const factory =
    config.provider === "postgresql" ? introspectingPgFactory(config.location) : createAdapterFactory(config);
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

export function readMigrations(dir: string): MigrationList {
  const names = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((n) => fs.existsSync(path.join(dir, n, "migration.sql")))
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
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
    const result = await engine.applyMigrations({
      migrationsList: readMigrations(MIGRATION_DIRS[config.provider]),
      filters: NO_FILTER,
    });
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
