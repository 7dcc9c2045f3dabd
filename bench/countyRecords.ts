// A large county for the load test and the record-list plan: the demo seed plus `count` extra
// records in one county, spread over its villages, townships and departments and the twelve
// months before the seed's current month, written in bulk (setup, not measured).
import { bulkInsertJson } from "../server/db/bulk";
import { dialectOf, type Db } from "../server/db/client";
import { rebuildAggregates } from "../server/db/metricRepository";
import { BURDEN_KINDS } from "../server/domain/burdenKinds";
import { periodOf } from "../server/domain/periods";
import { pick, seededRandom } from "../server/domain/random";
import { levelOfCode, subtreeRange } from "../server/domain/regions";

/** The record columns the bench suites write in bulk (no details, evidence or dedup key). */
export const BENCH_RECORD_COLUMNS = [
  "id",
  "kind",
  "departmentId",
  "scopeRegionCode",
  "scopeLevel",
  "title",
  "units",
  "occurredOn",
  "period",
  "status",
  "isViolation",
  "dedicatedPost",
  "source",
  "version",
  "createdAt",
  "updatedAt",
] as const;

const TITLES = ["防汛排查台账", "人口信息采集表", "安全生产检查记录", "低保对象核查表", "环境整治照片", "党建工作台账"];

export async function seedCountyRecords(db: Db, county: string, count: number, lastPeriod: number): Promise<void> {
  const regions = await db.region.findMany({
    where: { code: subtreeRange(county), level: { gte: 4 } },
    select: { code: true, level: true },
  });
  const villages = regions.filter((r) => r.level === 5).map((r) => r.code);
  const townships = regions.filter((r) => r.level === 4).map((r) => r.code);
  const departments = (await db.department.findMany({ where: { regionCode: county }, select: { id: true } })).map(
    (d) => d.id,
  );
  if (villages.length === 0 || departments.length === 0) throw new Error(`区县 ${county} 没有村或部门，无法生成数据`);
  const random = seededRandom(20261130);
  const now = new Date();
  const [lastYear, lastMonth] = [Math.floor(lastPeriod / 100), lastPeriod % 100];
  const batch: unknown[][] = [];
  for (let i = 0; i < count; i += 1) {
    const r = random();
    const scope = r < 0.05 ? county : r < 0.25 ? pick(random, townships) : pick(random, villages);
    const back = Math.floor(random() * 12);
    const date = new Date(Date.UTC(lastYear, lastMonth - 1 - back, 1 + Math.floor(random() * 28), 12));
    const kind = pick(random, BURDEN_KINDS);
    batch.push([
      `load${String(i).padStart(7, "0")}`,
      kind,
      pick(random, departments),
      scope,
      levelOfCode(scope),
      `${pick(random, TITLES)}${i % 997}`,
      1 + Math.floor(random() * 3),
      date,
      periodOf(date),
      random() < 0.03 ? "WITHDRAWN" : "ACTIVE",
      random() < 0.3,
      kind === "MECHANISM" && random() < 0.3,
      "IMPORT",
      1,
      now,
      now,
    ]);
    if (batch.length === 20_000 || i === count - 1)
      await bulkInsertJson(db, "BurdenRecord", BENCH_RECORD_COLUMNS, "id", batch.splice(0) as never, 20_000);
  }
  await rebuildAggregates(db);
  // A table in service has been vacuumed by autovacuum, which marks its pages all-visible so that counts
  // read the index alone; right after a bulk load nothing is marked yet and PostgreSQL's counts of the
  // county read every row (102 ms instead of 42 ms idle, far more under load).
  await db.$executeRawUnsafe(dialectOf(db) === "postgresql" ? 'VACUUM ANALYZE "BurdenRecord"' : "ANALYZE");
}
