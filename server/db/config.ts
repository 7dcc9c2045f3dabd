import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseConfig {
  provider: DatabaseProvider;
  /** Absolute file path for SQLite, connection string for PostgreSQL. */
  location: string;
}

const DEFAULT_SQLITE_FILE = "data/app.db";

/** Reads `DATABASE_URL` (`file:…` or `postgresql://…`); SQLite under ./data by default. */
export function databaseConfig(url = process.env.DATABASE_URL): DatabaseConfig {
  if (!url || url.trim() === "") {
    return { provider: "sqlite", location: path.resolve(DEFAULT_SQLITE_FILE) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    return { provider: "postgresql", location: url };
  }
  if (url.startsWith("file:")) {
    return { provider: "sqlite", location: path.resolve(url.slice("file:".length)) };
  }
  throw new Error(`无法识别的 DATABASE_URL：${url}（应为 file:路径 或 postgresql://…）`);
}
