// Loading a fresh table in bulk: its secondary indexes are dropped first and built again once
// the rows are in. Maintaining BurdenRecord's thirteen indexes row by row was most of the
// national seed's time (260,000 records in 8.5 min on the loaded machine); building an index
// over rows already there is one sort.
import { dialectOf, type Db } from "../server/db/client";

export async function withIndexesDeferred<T>(db: Db, table: string, load: () => Promise<T>): Promise<T> {
  const postgres = dialectOf(db) === "postgresql";
  // Unique indexes stay: ON CONFLICT needs them, and the primary key cannot be dropped.
  const indexes = postgres
    ? await db.$queryRawUnsafe<{ name: string; sql: string }[]>(
        `SELECT indexname AS name, indexdef AS sql FROM pg_indexes
         WHERE schemaname = current_schema() AND tablename = $1 AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
        table,
      )
    : await db.$queryRawUnsafe<{ name: string; sql: string }[]>(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
         AND sql NOT LIKE 'CREATE UNIQUE%'`,
        table,
      );
  for (const index of indexes) await db.$executeRawUnsafe(`DROP INDEX "${index.name.replace(/"/g, "")}"`);
  try {
    return await load();
  } finally {
    for (const index of indexes) await db.$executeRawUnsafe(index.sql);
  }
}
