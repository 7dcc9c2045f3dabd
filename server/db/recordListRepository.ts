// record.list on large subtrees (issue #14): keyset pages and totals in SQL both dialects share,
// answered from the two list indexes without reading the records until the page is known.
import { Prisma } from "./generated/client";
import { sqliteTimestamp } from "./bulk";
import { dialectOf, type Db } from "./client";
import { subtreeRange } from "../domain/regions";

export interface RecordFilter {
  regionCode: string;
  kind?: string;
  departmentId?: string;
  periodFrom?: number;
  periodTo?: number;
  isViolation?: boolean;
  includeWithdrawn?: boolean;
  /** Where the records came from (人工录入, 台账导入, 村级直报, 部门自报…). */
  source?: string;
  /** Words in the title (the form's or material's name) or the department's name. */
  text?: string;
}

/** Where a page ends: the last record's date and id (the sort key); the next page starts after it. */
export interface RecordListKey {
  occurredOn: Date;
  id: string;
}

export const LIST_DATE_INDEX = "BurdenRecord_list_date_idx";
export const LIST_REGION_INDEX = "BurdenRecord_list_region_idx";

const monthStart = (period: number) => new Date(Date.UTC(Math.floor(period / 100), (period % 100) - 1, 1));
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(db: Db, filter: RecordFilter, after?: RecordListKey): Prisma.Sql {
  const postgres = dialectOf(db) === "postgresql";
  const time = (d: Date) => (postgres ? d : sqliteTimestamp(d));
  const range = subtreeRange(filter.regionCode);
  const terms = [Prisma.sql`r."scopeRegionCode" >= ${range.gte} AND r."scopeRegionCode" < ${range.lt}`];
  if (!filter.includeWithdrawn) terms.push(Prisma.sql`r."status" = 'ACTIVE'`);
  if (filter.kind) terms.push(Prisma.sql`r."kind" = ${filter.kind}`);
  if (filter.departmentId) terms.push(Prisma.sql`r."departmentId" = ${filter.departmentId}`);
  if (filter.source) terms.push(Prisma.sql`r."source" = ${filter.source}`);
  if (filter.isViolation !== undefined)
    terms.push(Prisma.sql`r."isViolation" = ${postgres ? filter.isViolation : Number(filter.isViolation)}`);
  // Periods are the UTC months of occurredOn: as dates, the date index seeks to them.
  if (filter.periodFrom) terms.push(Prisma.sql`r."occurredOn" >= ${time(monthStart(filter.periodFrom))}`);
  if (filter.periodTo) {
    const next = filter.periodTo % 100 === 12 ? filter.periodTo + 89 : filter.periodTo + 1;
    terms.push(Prisma.sql`r."occurredOn" < ${time(monthStart(next))}`);
  }
  if (filter.text) {
    const pattern = likePattern(filter.text);
    terms.push(Prisma.sql`(r."title" LIKE ${pattern} ESCAPE '\\' OR r."departmentId" IN
      (SELECT d."id" FROM "Department" d WHERE d."name" LIKE ${pattern} ESCAPE '\\'))`);
  }
  if (after) {
    const at = time(after.occurredOn);
    // The plain bound lets the date index seek to the page instead of walking the pages before it.
    terms.push(Prisma.sql`r."occurredOn" <= ${at}`);
    terms.push(Prisma.sql`(r."occurredOn" < ${at} OR (r."occurredOn" = ${at} AND r."id" < ${after.id}))`);
  }
  return Prisma.join(terms, " AND ");
}

/**
 * SQLite plans this query from estimates that go wrong both ways (a skip-scan over months that
 * sorted a township's 17,000 rows), so it is told which index to use: walking dates newest first
 * reads about take × table ÷ matches entries, the region range reads every match and sorts it;
 * the walk wins once matches² > take × table. PostgreSQL's planner makes the same choice itself.
 */
async function sqliteIndexFor(db: Db, take: number, matches: number): Promise<Prisma.Sql> {
  const [{ rows }] = await db.$queryRaw<{ rows: number | bigint }[]>`SELECT max(rowid) AS rows FROM "BurdenRecord"`;
  const walk = matches * matches > take * Number(rows ?? 0);
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
  const hint = dialectOf(db) === "sqlite" && !filter.text;
  const index = hint ? Prisma.raw(`INDEXED BY "${LIST_REGION_INDEX}"`) : Prisma.empty;
  return Prisma.sql`SELECT count(*) AS n FROM "BurdenRecord" r ${index} WHERE ${conditions(db, filter)}`;
}

export async function countRecords(db: Db, filter: RecordFilter): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>(recordCountQuery(db, filter));
  return Number(row?.n ?? 0);
}
