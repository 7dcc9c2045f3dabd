import { Prisma } from "./generated/client";
import type { Db } from "./client";

// Both SQLite and PostgreSQL cap bound parameters per statement (SQLite at 32,766).
const MAX_PARAMS = 30_000;

type Cell = string | number | boolean | null | Date;

/**
 * Multi-row INSERT … ON CONFLICT DO UPDATE (or DO NOTHING) in batches; the same SQL runs on
 * SQLite and PostgreSQL. Table and column names come from code, never from input.
 */
export async function bulkUpsert(
  db: Pick<Db, "$executeRaw">,
  table: string,
  columns: readonly string[],
  conflictColumns: readonly string[],
  rows: readonly Cell[][],
  onConflict: "update" | "ignore" = "update",
): Promise<number> {
  if (rows.length === 0) return 0;
  const quote = (name: string) => `"${name.replace(/"/g, "")}"`;
  const head = Prisma.raw(`INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES `);
  const updates = onConflict === "update" ? columns.filter((c) => !conflictColumns.includes(c)) : [];
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
