import { dialectOf, type Db } from "./client";

type Cell = string | number | boolean | null | Date;
/** A JSON column's value: stored as a document, not as a string. */
type JsonCell = Cell | object;

/** Prisma's SQLite adapter stores DateTime as this text; raw writes must match it so comparisons hold. */
export function sqliteTimestamp(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

function sqliteCell(cell: JsonCell): string | number | null {
  if (cell instanceof Date) return sqliteTimestamp(cell);
  if (typeof cell === "boolean") return cell ? 1 : 0;
  if (cell !== null && typeof cell === "object") return JSON.stringify(cell);
  return cell;
}

/** Table and column names come from code, never from input; the quote only keeps a stray one harmless. */
const quote = (name: string) => `"${name.replace(/"/g, "")}"`;

/** A batch as the one JSON parameter: objects for jsonb_populate_recordset, arrays of cells for json_each. */
function batchJson(postgres: boolean, columns: readonly string[], batch: readonly JsonCell[][]): string {
  const encode: (row: readonly JsonCell[]) => unknown = postgres
    ? (row) => Object.fromEntries(columns.map((column, i) => [column, row[i]]))
    : (row) => row.map(sqliteCell);
  return JSON.stringify(batch.map(encode));
}

/** Runs `sql` once per batch of `rows`; the rows it wrote, summed. */
async function executeInBatches(
  db: Pick<Db, "$executeRawUnsafe">,
  sql: string,
  columns: readonly string[],
  rows: readonly JsonCell[][],
  batchSize: number,
): Promise<number> {
  const postgres = dialectOf(db) === "postgresql";
  let written = 0;
  for (let start = 0; start < rows.length; start += batchSize) {
    written += await db.$executeRawUnsafe(sql, batchJson(postgres, columns, rows.slice(start, start + batchSize)));
  }
  return written;
}

/**
 * Bulk INSERT … ON CONFLICT that ships each batch as one JSON parameter:
 * per-parameter driver overhead, not SQL, dominated multi-row inserts of large
 * ledgers (and the 665,000 regions of the nation: 4,285-row statements of bound
 * parameters took 2 min on the loaded machine). SQLite expands it with
 * json_each; PostgreSQL with jsonb_populate_recordset, which takes each
 * column's type from the table.
 */
async function insertJson(
  db: Pick<Db, "$executeRawUnsafe">,
  table: string,
  columns: readonly string[],
  conflictColumns: readonly string[],
  onConflict: "nothing" | "update" | "fail",
  rows: readonly JsonCell[][],
  batchSize: number,
): Promise<number> {
  if (rows.length === 0) return 0;
  const target = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) `;
  const updates = columns.filter((c) => !conflictColumns.includes(c));
  const action =
    onConflict === "update" && updates.length
      ? `DO UPDATE SET ${updates.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(", ")}`
      : "DO NOTHING";
  const tail = onConflict === "fail" ? "" : ` ON CONFLICT (${conflictColumns.map(quote).join(", ")}) ${action}`;
  const postgres = dialectOf(db) === "postgresql";
  const sql = postgres
    ? `${target}SELECT ${columns.map(quote).join(", ")} FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb)${tail}`
    : `${target}SELECT ${columns.map((_, i) => `value ->> ${i}`).join(", ")} FROM json_each(?) WHERE true${tail}`;
  return executeInBatches(db, sql, columns, rows, batchSize);
}

/** Bulk INSERT … ON CONFLICT DO NOTHING, each batch one JSON parameter (see insertJson). */
export function bulkInsertJson(
  db: Pick<Db, "$executeRawUnsafe">,
  table: string,
  columns: readonly string[],
  conflictColumn: string,
  rows: readonly JsonCell[][],
  batchSize = 5000,
): Promise<number> {
  return insertJson(db, table, columns, [conflictColumn], "nothing", rows, batchSize);
}

/**
 * Bulk INSERT … ON CONFLICT DO UPDATE of every non-key column, each batch one
 * JSON parameter; the same call on SQLite and PostgreSQL. Table and column
 * names come from code, never from input.
 */
export function bulkUpsert(
  db: Pick<Db, "$executeRawUnsafe">,
  table: string,
  columns: readonly string[],
  conflictColumns: readonly string[],
  rows: readonly JsonCell[][],
  batchSize = 20_000,
): Promise<number> {
  return insertJson(db, table, columns, conflictColumns, "update", rows, batchSize);
}

/**
 * Multi-row UPDATE … FROM of whole column values, keyed by `keyColumn`, each
 * batch shipped as one JSON parameter (as bulkInsertJson does): one statement
 * instead of one round trip per row. Every row sets every listed column.
 */
export async function bulkUpdateJson(
  db: Pick<Db, "$executeRawUnsafe">,
  table: string,
  keyColumn: string,
  columns: readonly string[],
  rows: readonly JsonCell[][],
  batchSize = 2000,
): Promise<number> {
  const all = [keyColumn, ...columns];
  const set = columns.map((c) => `${quote(c)} = v.${quote(c)}`).join(", ");
  const postgres = dialectOf(db) === "postgresql";
  const sql = postgres
    ? `UPDATE ${quote(table)} AS t SET ${set} FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb) AS v WHERE t.${quote(keyColumn)} = v.${quote(keyColumn)}`
    : `UPDATE ${quote(table)} SET ${set} FROM (SELECT ${all.map((c, i) => `value ->> ${i} AS ${quote(c)}`).join(", ")} FROM json_each(?)) AS v WHERE ${quote(table)}.${quote(keyColumn)} = v.${quote(keyColumn)}`;
  return executeInBatches(db, sql, all, rows, batchSize);
}

/** Bulk INSERT of new rows (a duplicate key fails the statement), each batch one JSON parameter. */
export function bulkInsertNew(
  db: Pick<Db, "$executeRawUnsafe">,
  table: string,
  columns: readonly string[],
  rows: readonly JsonCell[][],
  batchSize = 2000,
): Promise<number> {
  return insertJson(db, table, columns, [], "fail", rows, batchSize);
}

/**
 * Bulk INSERT of new rows returning `returning` of each, in the order of `rows`:
 * the rows are inserted in that order (ORDER BY the JSON array's index), so an
 * autoincrement key is assigned in it; the result is sorted by `orderColumn`.
 */
export async function bulkInsertReturning<T extends Record<string, unknown>>(
  db: Pick<Db, "$queryRawUnsafe">,
  table: string,
  columns: readonly string[],
  rows: readonly JsonCell[][],
  returning: readonly (keyof T & string)[],
  orderColumn: keyof T & string,
  batchSize = 2000,
): Promise<T[]> {
  const target = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) `;
  const back = ` RETURNING ${returning.map(quote).join(", ")}`;
  const postgres = dialectOf(db) === "postgresql";
  const sql = postgres
    ? `${target}SELECT ${columns.map((c) => `v.${quote(c)}`).join(", ")} FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::jsonb) WITH ORDINALITY AS v ORDER BY v.ordinality${back}`
    : `${target}SELECT ${columns.map((_, i) => `value ->> ${i}`).join(", ")} FROM json_each(?) ORDER BY key${back}`;
  const out: T[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const written = await db.$queryRawUnsafe<T[]>(sql, batchJson(postgres, columns, batch));
    out.push(...written.sort((a, b) => Number(a[orderColumn]) - Number(b[orderColumn])));
  }
  return out;
}
