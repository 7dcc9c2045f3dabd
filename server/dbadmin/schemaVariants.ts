// One data model, two providers. prisma/schema.prisma (SQLite) is the source;
// the PostgreSQL copy differs only in its provider and generated-client folder,
// because Prisma generates a provider-specific client.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseProvider } from "../db/config";

const ROOT = path.resolve(fileURLToPath(new URL("../..", import.meta.url)));

export const SCHEMA_PATHS: Record<DatabaseProvider, string> = {
  sqlite: path.join(ROOT, "prisma", "schema.prisma"),
  postgresql: path.join(ROOT, "prisma", "postgres", "schema.prisma"),
};

export const MIGRATION_DIRS: Record<DatabaseProvider, string> = {
  sqlite: path.join(ROOT, "prisma", "migrations"),
  postgresql: path.join(ROOT, "prisma", "postgres", "migrations"),
};

const GENERATED_HEADER =
  "// Generated from prisma/schema.prisma by `npm run db:generate`; edit that file, not this one.\n";

export function postgresSchemaFrom(sqliteSchema: string): string {
  const swapped = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/server\/db\/generated"/, 'output       = "../../server/db/generated-pg"');
  if (swapped === sqliteSchema || !swapped.includes("generated-pg")) {
    throw new Error("prisma/schema.prisma 缺少 sqlite 数据源或 generated 输出目录，无法生成 PostgreSQL 模型");
  }
  return GENERATED_HEADER + swapped;
}

/** Rewrites prisma/postgres/schema.prisma when it differs; returns whether it changed. */
export function writePostgresSchema(): boolean {
  const wanted = postgresSchemaFrom(fs.readFileSync(SCHEMA_PATHS.sqlite, "utf8"));
  const current = fs.existsSync(SCHEMA_PATHS.postgresql) ? fs.readFileSync(SCHEMA_PATHS.postgresql, "utf8") : "";
  if (current === wanted) return false;
  fs.mkdirSync(path.dirname(SCHEMA_PATHS.postgresql), { recursive: true });
  fs.writeFileSync(SCHEMA_PATHS.postgresql, wanted);
  return true;
}
