import { Prisma } from "./generated/client";
import type { Db, Tx } from "./client";
import { BACKGROUND_READ } from "./readLane";
import { prefixSums, STOCK_KINDS } from "../domain/stock";

type Executor = Pick<Db, "$executeRaw">;

// Every prefix length of a division code: a record counts for its scope and each ancestor.
const LEVELS = Prisma.raw(
  `(SELECT 2 AS len UNION ALL SELECT 4 UNION ALL SELECT 6 UNION ALL SELECT 9 UNION ALL SELECT 12)`,
);

// Lasting burdens (domain/stock.ts) add their contribution in their first month
// (+1) and take it back in their end month (−1, only once they have ended);
// readers sum these deltas up to a month. Events only ever have the +1 phase.
const PHASES = Prisma.raw(`(SELECT 1 AS d UNION ALL SELECT -1)`);

// Units times the villages a scope covers, as a double: PostgreSQL's integer
// product would overflow at national scale (SQLite's is 64-bit).
const WEIGHTED_UNITS = Prisma.raw(`CAST(r."units" AS DOUBLE PRECISION) * (g."villageCount" + g."communityCount")`);

/**
 * Adds (sign 1) or removes (sign −1) the contribution of the active records
 * matching `filter` to MetricAggregate, at their scope and every ancestor, in
 * one statement. The same SQL serves incremental updates and the full rebuild.
 */
export function accumulate(db: Executor, filter: Prisma.Sql, sign: 1 | -1): Promise<number> {
  const s = Prisma.raw(String(sign));
  return db.$executeRaw`
    INSERT INTO "MetricAggregate" ("regionCode", "period", "kind", "units", "violationUnits", "dedicatedPostUnits", "records",
      "directUnits", "directViolationUnits", "directPostUnits", "directRecords", "startedRecords")
    SELECT code, period, kind, SUM(u), SUM(vu), SUM(pu), SUM(rc), SUM(du), SUM(dvu), SUM(dpu), SUM(drc), SUM(src) FROM (
      SELECT substr(r."scopeRegionCode", 1, lv.len) AS code, CASE WHEN ph.d = 1 THEN r."period" ELSE r."endPeriod" END AS period, r."kind" AS kind,
        ${s} * ph.d * ${WEIGHTED_UNITS} AS u,
        CASE WHEN r."isViolation" THEN ${s} * ph.d * ${WEIGHTED_UNITS} ELSE 0 END AS vu,
        CASE WHEN r."dedicatedPost" THEN ${s} * ph.d * ${WEIGHTED_UNITS} ELSE 0 END AS pu,
        ${s} * ph.d AS rc,
        CASE WHEN length(r."scopeRegionCode") = lv.len THEN ${s} * ph.d * r."units" ELSE 0 END AS du,
        CASE WHEN length(r."scopeRegionCode") = lv.len AND r."isViolation" THEN ${s} * ph.d * r."units" ELSE 0 END AS dvu,
        CASE WHEN length(r."scopeRegionCode") = lv.len AND r."dedicatedPost" THEN ${s} * ph.d * r."units" ELSE 0 END AS dpu,
        CASE WHEN length(r."scopeRegionCode") = lv.len THEN ${s} * ph.d ELSE 0 END AS drc,
        CASE WHEN ph.d = 1 THEN ${s} ELSE 0 END AS src
      FROM "BurdenRecord" r
      JOIN "Region" g ON g."code" = r."scopeRegionCode"
      JOIN ${LEVELS} lv ON length(r."scopeRegionCode") >= lv.len
      JOIN ${PHASES} ph ON ph.d = 1 OR r."endPeriod" IS NOT NULL
      WHERE r."status" = 'ACTIVE' AND ${filter}
    ) x WHERE true
    GROUP BY code, period, kind
    ON CONFLICT ("regionCode", "period", "kind") DO UPDATE SET
      "units" = "MetricAggregate"."units" + excluded."units",
      "violationUnits" = "MetricAggregate"."violationUnits" + excluded."violationUnits",
      "dedicatedPostUnits" = "MetricAggregate"."dedicatedPostUnits" + excluded."dedicatedPostUnits",
      "records" = "MetricAggregate"."records" + excluded."records",
      "directUnits" = "MetricAggregate"."directUnits" + excluded."directUnits",
      "directViolationUnits" = "MetricAggregate"."directViolationUnits" + excluded."directViolationUnits",
      "directPostUnits" = "MetricAggregate"."directPostUnits" + excluded."directPostUnits",
      "directRecords" = "MetricAggregate"."directRecords" + excluded."directRecords",
      "startedRecords" = "MetricAggregate"."startedRecords" + excluded."startedRecords"`;
}

export const recordFilter = (id: string) => Prisma.sql`r."id" = ${id}`;
export const recordsFilter = (ids: string[]) => Prisma.sql`r."id" IN (${Prisma.join(ids)})`;
export const batchFilter = (batchId: string) => Prisma.sql`r."importBatchId" = ${batchId}`;

/** Drops and recomputes every aggregate in one transaction (npm run metrics:rebuild). */
export async function rebuildAggregates(db: Db): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.metricAggregate.deleteMany();
      return accumulate(tx, Prisma.sql`1 = 1`, 1);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}

const AGGREGATE_COLUMNS = [
  "units",
  "violationUnits",
  "dedicatedPostUnits",
  "records",
  "directUnits",
  "directViolationUnits",
  "directPostUnits",
  "directRecords",
] as const;

/** Aggregates of the given months; lasting burdens are the sum of their deltas up to each month. */
export async function findAggregates(db: Db | Tx, regionCodes: string[], periods: number[]) {
  if (periods.length === 0 || regionCodes.length === 0) return [];
  const [events, deltas] = await Promise.all([
    db.metricAggregate.findMany({
      where: { regionCode: { in: regionCodes }, period: { in: periods }, kind: { notIn: [...STOCK_KINDS] } },
    }),
    db.metricAggregate.findMany({
      where: { regionCode: { in: regionCodes }, period: { lte: Math.max(...periods) }, kind: { in: [...STOCK_KINDS] } },
      orderBy: { period: "asc" },
    }),
  ]);
  return [...events, ...prefixSums(deltas, periods, AGGREGATE_COLUMNS)];
}

/**
 * Demands that started in each month inside each region (lasting kinds count in their first month only, not
 * as the stock that has piled up: statistics.md §1), summed over kinds. From the aggregates: counting a
 * prefecture's lasting records by start month read 90,000 index entries (96 ms) after every write.
 */
export async function findNewDemandCounts(db: Db | Tx, regionCodes: string[], periods: number[]) {
  if (periods.length === 0 || regionCodes.length === 0) return [];
  const rows = await db.metricAggregate.groupBy({
    by: ["regionCode", "period"],
    where: { regionCode: { in: regionCodes }, period: { in: periods } },
    _sum: { startedRecords: true },
  });
  return rows.map((r) => ({ regionCode: r.regionCode, period: r.period, records: r._sum.startedRecords ?? 0 }));
}

export async function latestPeriodWithData(db: Db): Promise<number | null> {
  const row = await db.metricAggregate.findFirst({
    where: { records: { gt: 0 } },
    orderBy: { period: "desc" },
    select: { period: true },
  });
  return row?.period ?? null;
}

export async function periodsWithData(db: Db, regionCodes: string[]): Promise<number[]> {
  const rows = await db.metricAggregate.groupBy({
    by: ["period"],
    where: { regionCode: { in: regionCodes }, OR: [{ records: { gt: 0 } }, { directRecords: { gt: 0 } }] },
  });
  return rows.map((r) => r.period).sort((a, b) => a - b);
}

export interface DepartmentRow {
  departmentId: string;
  kind: string;
  dedicatedPost: boolean | number;
  units: number;
  violationUnits: number;
  records: number;
}

// The department queries name their months (`IN`) rather than a range: then both
// SQLite and PostgreSQL walk the (period, scopeRegionCode) index month by month
// over the subtree instead of every month of the subtree or every department.
// Lasting burdens (domain/stock.ts) are the exception: a work group started before
// the range and still active counts in every month of the range it was active.

const STOCK = Prisma.join([...STOCK_KINDS]);
// Dashboards' reads of seconds: on SQLite they keep to one read thread (readLane.ts).
const BACKGROUND = Prisma.raw(BACKGROUND_READ);
const monthIndex = (column: string) => Prisma.raw(`((${column}) / 100 * 12 + (${column}) % 100)`);
const int = (n: number) => Prisma.raw(String(Math.trunc(n)));

/** Which records count in these months, and in how many of them each counts (1 for events). */
function monthsOf(periods: number[]) {
  const from = Math.min(...periods);
  const to = Math.max(...periods);
  const first = int(Math.floor(from / 100) * 12 + (from % 100));
  const afterLast = int(Math.floor(to / 100) * 12 + (to % 100) + 1);
  const start = monthIndex('r."period"');
  const end = monthIndex('r."endPeriod"');
  return {
    where: Prisma.sql`((r."kind" NOT IN (${STOCK}) AND r."period" IN (${Prisma.join(periods)}))
      OR (r."kind" IN (${STOCK}) AND r."period" <= ${int(to)} AND (r."endPeriod" IS NULL OR r."endPeriod" > ${int(from)})))`,
    months: Prisma.sql`(CASE WHEN r."kind" IN (${STOCK}) THEN
      (CASE WHEN r."endPeriod" IS NULL OR ${end} > ${afterLast} THEN ${afterLast} ELSE ${end} END)
      - (CASE WHEN ${start} > ${first} THEN ${start} ELSE ${first} END) ELSE 1 END)`,
  };
}

/** Department totals in a region's subtree (units × villages of each scope × months active), for the given months. */
export function departmentTotalsInSubtree(db: Db, range: { gte: string; lt: string }, periods: number[]) {
  const { where, months } = monthsOf(periods);
  return db.$queryRaw<DepartmentRow[]>`${BACKGROUND}
    SELECT r."departmentId" AS "departmentId", r."kind" AS kind, r."dedicatedPost" AS "dedicatedPost",
      SUM(${WEIGHTED_UNITS} * ${months}) AS units,
      SUM(CASE WHEN r."isViolation" THEN ${WEIGHTED_UNITS} * ${months} ELSE 0 END) AS "violationUnits",
      COUNT(*) AS records
    FROM "BurdenRecord" r JOIN "Region" g ON g."code" = r."scopeRegionCode"
    WHERE r."status" = 'ACTIVE' AND r."scopeRegionCode" >= ${range.gte} AND r."scopeRegionCode" < ${range.lt}
      AND ${where}
    GROUP BY r."departmentId", r."kind", r."dedicatedPost"`;
}

/** Department totals of records scoped to the given ancestor regions (unweighted units × months active). */
export function departmentTotalsAt(db: Db, codes: string[], periods: number[]) {
  if (codes.length === 0) return Promise.resolve([] as DepartmentRow[]);
  const { where, months } = monthsOf(periods);
  return db.$queryRaw<DepartmentRow[]>`${BACKGROUND}
    SELECT r."departmentId" AS "departmentId", r."kind" AS kind, r."dedicatedPost" AS "dedicatedPost",
      SUM(r."units" * ${months}) AS units,
      SUM(CASE WHEN r."isViolation" THEN r."units" * ${months} ELSE 0 END) AS "violationUnits", COUNT(*) AS records
    FROM "BurdenRecord" r
    WHERE r."status" = 'ACTIVE' AND r."scopeRegionCode" IN (${Prisma.join(codes)}) AND ${where}
    GROUP BY r."departmentId", r."kind", r."dedicatedPost"`;
}

/** Distinct scopes each department reached inside a subtree, with their village counts. */
export function departmentScopes(db: Db, range: { gte: string; lt: string }, periods: number[]) {
  const { where } = monthsOf(periods);
  return db.$queryRaw<{ departmentId: string; code: string; villages: number }[]>`${BACKGROUND}
    SELECT DISTINCT r."departmentId" AS "departmentId", r."scopeRegionCode" AS code, (g."villageCount" + g."communityCount") AS villages
    FROM "BurdenRecord" r JOIN "Region" g ON g."code" = r."scopeRegionCode"
    WHERE r."status" = 'ACTIVE' AND r."scopeRegionCode" >= ${range.gte} AND r."scopeRegionCode" < ${range.lt}
      AND ${where}`;
}

// ─── Score configuration ─────────────────────────────────────────────────

export function latestScoreConfig(db: Db, regionCodes: string[]) {
  return db.scoreConfig.findMany({ where: { regionCode: { in: regionCodes } }, orderBy: { version: "desc" } });
}

export function insertScoreConfig(
  tx: Tx | Db,
  data: {
    regionCode: string;
    version: number;
    weights: object;
    minutesPerUnit: object;
    baselinePeriod: number;
    createdById: string | null;
  },
) {
  return tx.scoreConfig.create({ data });
}
