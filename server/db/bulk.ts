import { Prisma } from "./generated/client";
import type { Db } from "./client";

// Both SQLite and PostgreSQL cap bound parameters per statement (SQLite at 32,766).
const MAX_PARAMS = 30_000;

type Cell = string | number | boolean | null | Date;

/**
 * Multi-row INSERT … ON CONFLICT DO UPDATE in batches; the same SQL runs on
 * SQLite and PostgreSQL. Table and column names come from code, never from input.
 */
export async function bulkUpsert(
  db: Pick<Db, "$executeRaw">,
  table: string,
  columns: readonly string[],
  conflictColumns: readonly string[],
  rows: readonly Cell[][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const quote = (name: string) => `"${name.replace(/"/g, "")}"`;
  const head = Prisma.raw(`INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES `);
  const updates = columns.filter((c) => !conflictColumns.includes(c));
  const tail = Prisma.raw(
    ` ON CONFLICT (${conflictColumns.map(quote).join(", ")}) ` +
      (updates.length ? `DO UPDATE SET ${updates.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(", ")}` : "DO NOTHING"),
  );
  const perBatch = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  let written = 0;
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch);
    const values = Prisma.join(batch.map((row) => Prisma.sql`(${Prisma.join(row)})`));
    written += await db.$executeRaw`${head}${values}${tail}`;
  }
  return written;
}

/** Prisma's SQLite adapter stores DateTime as this text; raw writes must match it so comparisons hold. */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/**
 * Bulk INSERT … ON CONFLICT DO NOTHING that ships each batch as one JSON
 * parameter expanded by SQLite's json_each: per-parameter driver overhead, not
 * SQL, dominated multi-row inserts of large ledgers. SQLite only.
 */
export async function bulkInsertJsonSqlite(
  db: Pick<Db, "$executeRawUnsafe">,
  table: string,
  columns: readonly string[],
  conflictColumn: string,
  rows: readonly Cell[][],
  batchSize = 5000,
): Promise<number> {
  const quote = (name: string) => `"${name.replace(/"/g, "")}"`;
  const sql =
    `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) ` +
    `SELECT ${columns.map((_, i) => `value ->> ${i}`).join(", ")} FROM json_each(?) WHERE true ` +
    `ON CONFLICT (${quote(conflictColumn)}) DO NOTHING`;
  let written = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize).map((row) =>
      row.map((cell) => (cell instanceof Date ? sqliteTimestamp(cell) : typeof cell === "boolean" ? (cell ? 1 : 0) : cell)),
    );
    written += await db.$executeRawUnsafe(sql, JSON.stringify(batch));
  }
  return written;
}
