// record.list on large subtrees (issue #14): keyset pages and totals in SQL both dialects share,
// answered from the two list indexes without reading the records until the page is known.
import { Prisma } from "./generated/client";
import { sqliteTimestamp } from "./bulk";
import { dialectOf, type Db } from "./client";
import { filterTerms, type FilterTerm, monthTerms, type RecordFilter } from "../domain/recordFilter";

export type { RecordFilter };

/** Where a page ends: the last record's date and id (the sort key); the next page starts after it. */
export interface RecordListKey {
  occurredOn: Date;
  id: string;
}

export const LIST_DATE_INDEX = "BurdenRecord_list_date_idx";
export const LIST_REGION_INDEX = "BurdenRecord_list_region_idx";

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function boundOf(value: FilterTerm["value"], postgres: boolean) {
  if (value instanceof Date) return postgres ? value : sqliteTimestamp(value);
  // SQLite stores booleans as 0 and 1.
  return typeof value === "boolean" && !postgres ? Number(value) : value;
}

/** A term of domain/recordFilter.ts as SQL; the column name comes from its type, never from the request. */
function termSql(term: FilterTerm, postgres: boolean): Prisma.Sql {
  // The one constant stays a literal, as it always was: the plans measured in #14 were made for it.
  if (term.column === "status" && term.value === "ACTIVE") return Prisma.sql`r."status" = 'ACTIVE'`;
  return Prisma.sql`${Prisma.raw(`r."${term.column}" ${term.op}`)} ${boundOf(term.value, postgres)}`;
}

function conditions(db: Db, filter: RecordFilter, after?: RecordListKey, month?: number): Prisma.Sql {
  const postgres = dialectOf(db) === "postgresql";
  const terms = [...filterTerms(filter), ...(month ? monthTerms(month) : [])].map((term) => termSql(term, postgres));
  if (filter.text) {
    const pattern = likePattern(filter.text);
    terms.push(Prisma.sql`(r."title" LIKE ${pattern} ESCAPE '\\' OR r."departmentId" IN
      (SELECT d."id" FROM "Department" d WHERE d."name" LIKE ${pattern} ESCAPE '\\'))`);
  }
  if (after) {
    const at = boundOf(after.occurredOn, postgres);
    // The plain bound lets the date index seek to the page instead of walking the pages before it.
    terms.push(Prisma.sql`r."occurredOn" <= ${at}`);
    terms.push(Prisma.sql`(r."occurredOn" < ${at} OR (r."occurredOn" = ${at} AND r."id" < ${after.id}))`);
  }
  return Prisma.join(terms, " AND ");
}

/** About how many records the table holds (its largest rowid: no count), for SQLite's index choices. */
async function sqliteTableSize(db: Db): Promise<number> {
  const [{ rows }] = await db.$queryRaw<{ rows: number | bigint }[]>`SELECT max(rowid) AS rows FROM "BurdenRecord"`;
  return Number(rows ?? 0);
}

/**
 * SQLite plans this query from estimates that go wrong both ways (a skip-scan over months that
 * sorted a township's 17,000 rows), so it is told which index to use: walking dates newest first
 * reads about take × table ÷ matches entries, the region range reads every match and sorts it;
 * the walk wins once matches² > take × table. PostgreSQL's planner makes the same choice itself.
 */
async function sqliteIndexFor(db: Db, take: number, matches: number): Promise<Prisma.Sql> {
  const walk = matches * matches > take * (await sqliteTableSize(db));
  return Prisma.raw(`INDEXED BY "${walk ? LIST_DATE_INDEX : LIST_REGION_INDEX}"`);
}

/** The SQL of one page's ids, newest first; `matches` is the filter's total (it picks SQLite's index). */
export async function recordListQuery(
  db: Db,
  filter: RecordFilter,
  take: number,
  matches: number,
  after?: RecordListKey,
): Promise<Prisma.Sql> {
  const index = dialectOf(db) === "postgresql" ? Prisma.empty : await sqliteIndexFor(db, take, matches);
  return Prisma.sql`SELECT r."id" FROM "BurdenRecord" r ${index} WHERE ${conditions(db, filter, after)}
    ORDER BY r."occurredOn" DESC, r."id" DESC LIMIT ${take}`;
}

export async function listRecordIds(
  db: Db,
  filter: RecordFilter,
  take: number,
  matches: number,
  after?: RecordListKey,
): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(await recordListQuery(db, filter, take, matches, after));
  return rows.map((r) => r.id);
}

/** Those records in full, in the order given. */
export async function recordsInOrder(db: Db, ids: string[]) {
  const rows = await db.burdenRecord.findMany({
    where: { id: { in: ids } },
    include: { department: { select: { name: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The filter's total, counted in the region index: SQLite otherwise skip-scanned the month index
 * (400 ms for a township). A text search reads every title anyway, and reads them faster in table order.
 */
export function recordCountQuery(db: Db, filter: RecordFilter): Prisma.Sql {
  return Prisma.sql`SELECT count(*) AS n FROM "BurdenRecord" r ${regionHint(db, filter)} WHERE ${conditions(db, filter)}`;
}

export async function countRecords(db: Db, filter: RecordFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>(recordCountQuery(db, filter));
  return Number(row?.n ?? 0);
}

function regionHint(db: Db, filter: RecordFilter): Prisma.Sql {
  const hint = dialectOf(db) === "sqlite" && !filter.text;
  return hint ? Prisma.raw(`INDEXED BY "${LIST_REGION_INDEX}"`) : Prisma.empty;
}

/** The UTC month of occurredOn as yyyymm (as `periodOf`), read from an index entry without the record. */
function monthOf(db: Db): Prisma.Sql {
  // `period` is that month, written with the date (domain/burdenRecord.ts recordRow). PostgreSQL counts a
  // county's months from an index that holds it (BurdenRecord_new_demand_idx, 60 ms for 300,000 records,
  // as the plain count); grouped by to_char of the date it scanned the table instead (190–260 ms).
  if (dialectOf(db) === "postgresql") return Prisma.raw(`r."period"`);
  // SQLite keeps dates as UTC ISO text (db/bulk.ts sqliteTimestamp), and the region index holds them.
  return Prisma.raw(`CAST(substr(r."occurredOn", 1, 4) || substr(r."occurredOn", 6, 2) AS INTEGER)`);
}

/** The filter's total per month of occurredOn, in one pass over the region index as `recordCountQuery`. */
export function recordMonthCountsQuery(db: Db, filter: RecordFilter): Prisma.Sql {
  return Prisma.sql`SELECT ${monthOf(db)} AS month, count(*) AS n FROM "BurdenRecord" r ${regionHint(db, filter)}
    WHERE ${conditions(db, filter)} GROUP BY 1`;
}

/** Months with no record are absent. */
export async function countRecordsByMonth(db: Db, filter: RecordFilter): Promise<Map<number, number>> {
  const rows = await db.$queryRaw<{ month: number | bigint; n: number | bigint }[]>(recordMonthCountsQuery(db, filter));
  return new Map(rows.map((row) => [Number(row.month), Number(row.n)]));
}

/**
 * The filter's records in one month (yyyymm). The date index reads that month's entries of every
 * region (about a twelfth of the table), the region index every month of the filter's `matches`:
 * on SQLite the smaller is named, PostgreSQL's planner chooses alike.
 */
export async function recordMonthCountQuery(
  db: Db,
  filter: RecordFilter,
  month: number,
  matches: number,
): Promise<Prisma.Sql> {
  let index = Prisma.empty;
  if (dialectOf(db) === "sqlite") {
    const byDate = matches * 12 > (await sqliteTableSize(db));
    index = Prisma.raw(`INDEXED BY "${byDate ? LIST_DATE_INDEX : LIST_REGION_INDEX}"`);
  }
  return Prisma.sql`SELECT count(*) AS n FROM "BurdenRecord" r ${index} WHERE ${conditions(db, filter, undefined, month)}`;
}

export async function countRecordsInMonth(db: Db, filter: RecordFilter, month: number, matches: number) {
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>(await recordMonthCountQuery(db, filter, month, matches));
  return Number(row?.n ?? 0);
}
