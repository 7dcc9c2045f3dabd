// Metrics at national scale, on SQLite and on PostgreSQL, over the same seeded records:
// - full rebuild of the aggregates against a plain single-level GROUP BY;
// - one incremental update (a record written with its aggregates in one
//   transaction) against a plain single-row insert;
// - the overview and ranking procedures of the largest province against a
//   plain read of the aggregates they are built on.
import type { SessionUser } from "../../server/auth";
import { createCaller } from "../../server/api/root";
import { bulkInsertJson } from "../../server/db/bulk";
import type { Db } from "../../server/db/client";
import type { DatabaseProvider } from "../../server/db/config";
import { rebuildAggregates } from "../../server/db/metricRepository";
import { BURDEN_KINDS } from "../../server/domain/burdenKinds";
import { seededRandom } from "../../server/domain/random";
import { importRegions } from "../../server/services/regionImport";
import { createBurdenRecord } from "../../server/services/records";
import { withIndexesDeferred } from "../bulkLoad";
import { BENCH_RECORD_COLUMNS } from "../countyRecords";
import { createBenchDb, percentile, PROVIDER_LABEL } from "../databases";
import { time, type Measurement } from "../harness";
import { alertEvaluationBench } from "./alertEvaluation";

async function sample(times: number, run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i += 1) await run(); // warm caches and prepared statements
  const out: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await run();
    out.push(performance.now() - started);
  }
  return out;
}

/** The p50 and p95 rows of a latency series, each against the same quantile of its baseline series. */
function medianAndTail(
  suite: string,
  metricPrefix: string,
  samples: number[],
  baselineLabel: string,
  baseline: number[],
  p50: Pick<Measurement, "target" | "note">,
  p95: Pick<Measurement, "target" | "note">,
): Measurement[] {
  const rows: [number, Pick<Measurement, "target" | "note">][] = [
    [0.5, p50],
    [0.95, p95],
  ];
  return rows.map(([q, extra]) => {
    const name = `p${Math.round(q * 100)}`;
    return {
      suite,
      metric: `${metricPrefix}${name}`,
      value: percentile(samples, q),
      unit: "毫秒",
      baseline: { label: `${baselineLabel} ${name}`, value: percentile(baseline, q) },
      higherIsBetter: false,
      ...extra,
    };
  });
}

/** Regions of `scope` (or "all"), one department per county, and `records` seeded records; the same on both databases. */
export async function seedRecords(db: Db, scope: string, records: number) {
  const imported = await withIndexesDeferred(db, "Region", () => importRegions(db, scope));
  const codesAt = async (level: number) =>
    (await db.region.findMany({ where: { level }, select: { code: true }, orderBy: { code: "asc" } })).map(
      (r) => r.code,
    );
  const [counties, townships, villages] = [await codesAt(3), await codesAt(4), await codesAt(5)];
  await db.department.createMany({
    data: counties.map((code, i) => ({ id: `d${i}`, regionCode: code, name: `县级部门${i}` })),
  });
  const countyIndex = new Map(counties.map((c, i) => [c, i]));
  const random = seededRandom(42);
  const now = new Date();
  await withIndexesDeferred(db, "BurdenRecord", async () => {
    const batch: unknown[][] = [];
    for (let i = 0; i < records; i += 1) {
      const r = random();
      const scopeCode =
        r < 0.2
          ? counties[Math.floor(random() * counties.length)]!
          : r < 0.45
            ? townships[Math.floor(random() * townships.length)]!
            : villages[Math.floor(random() * villages.length)]!;
      const month = 1 + Math.floor(random() * 12);
      const kind = BURDEN_KINDS[Math.floor(random() * BURDEN_KINDS.length)]!;
      batch.push([
        `r${i}`,
        kind,
        `d${countyIndex.get(scopeCode.slice(0, 6)) ?? 0}`,
        scopeCode,
        scopeCode.length === 6 ? 3 : scopeCode.length === 9 ? 4 : 5,
        "基准记录",
        1 + Math.floor(random() * 3),
        new Date(Date.UTC(2026, month - 1, 15, 12)),
        202600 + month,
        "ACTIVE",
        random() < 0.4,
        kind === "MECHANISM" && random() < 0.3,
        "IMPORT",
        1,
        now,
        now,
      ]);
      if (batch.length === 20_000 || i === records - 1) {
        await bulkInsertJson(db, "BurdenRecord", BENCH_RECORD_COLUMNS, "id", batch.splice(0) as never, 20_000);
      }
    }
  });
  await db.$executeRawUnsafe("ANALYZE");
  return { imported, counties, villages };
}

export async function metricsBench(provider: DatabaseProvider, scope: string, records: number): Promise<Measurement[]> {
  const bench = await createBenchDb(provider, "metrics");
  const { db } = bench;
  // Setup (not measured).
  const { imported, counties, villages } = await seedRecords(db, scope, records);

  const rebuild = await time(() => rebuildAggregates(db));
  const groupBy = await time(() =>
    db.$queryRawUnsafe(
      `SELECT "scopeRegionCode", period, kind, SUM(units) FROM "BurdenRecord" WHERE status = 'ACTIVE' GROUP BY 1, 2, 3`,
    ),
  );
  await db.$executeRawUnsafe("ANALYZE");

  // Incremental: the full write path (validate, classify, insert, aggregates at every level, alerts, audit).
  const county = counties[0]!;
  const user: SessionUser = {
    id: "bench",
    username: "bench",
    name: "基准",
    role: "monitor",
    regionCode: county.slice(0, 2),
    departmentId: null,
  };
  const village = villages.find((v) => v.startsWith(county))!;
  const writes: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const scopeCode = i % 2 ? county : village;
    let started = performance.now();
    await createBurdenRecord(db, user, {
      kind: "FORM",
      departmentId: "d0",
      scopeRegionCode: scopeCode,
      title: "基准表格",
      details: {},
      units: 1,
      occurredOn: new Date(Date.UTC(2026, 5, 10)),
    });
    writes.push(performance.now() - started);
    started = performance.now();
    await db.burdenRecord.create({
      data: {
        kind: "FORM",
        departmentId: "d0",
        scopeRegionCode: scopeCode,
        scopeLevel: scopeCode.length === 6 ? 3 : 5,
        title: "基准表格",
        units: 1,
        occurredOn: new Date(Date.UTC(2026, 5, 10)),
        period: 202606,
      },
    });
    plain.push(performance.now() - started);
  }

  // Reads: the largest province's overview and the ranking of its prefectures (1,000 Monte Carlo replicates).
  const provinces = await db.region.findMany({ where: { level: 1 }, orderBy: { villageCount: "desc" }, take: 1 });
  const province = provinces[0]!;
  const prefectures = (await db.region.findMany({ where: { parentCode: province.code }, select: { code: true } })).map(
    (r) => r.code,
  );
  const monitor: SessionUser = {
    id: "bench-monitor",
    username: "bench-monitor",
    name: "省级监测员",
    role: "monitor",
    regionCode: province.code,
    departmentId: null,
  };
  const caller = createCaller({ db, user: monitor, headers: new Headers() });
  const period = 202606;
  const overview = await sample(40, () => caller.metrics.overview({ regionCode: province.code, period }));
  const ranking = await sample(40, () => caller.ranking.peers({ parentCode: province.code, period }));
  const rawRead = await sample(40, () =>
    db.metricAggregate.findMany({
      where: { regionCode: { in: [province.code, ...prefectures] }, period: { in: [period, period - 1] } },
    }),
  );
  const evaluation = await alertEvaluationBench(
    db,
    PROVIDER_LABEL[provider],
    `${scope === "all" ? "全国" : scope}，${records.toLocaleString("zh-CN")} 条记录`,
    // The last seeded month: the statistical rules then have eleven months of history to work on.
    202612,
  );
  await bench.cleanup();

  const db_ = PROVIDER_LABEL[provider];
  const scale = `${scope === "all" ? "全国" : scope}：${imported.villageLevelUnits.toLocaleString("zh-CN")} 村，${records.toLocaleString("zh-CN")} 条记录`;
  const readNote = `${province.name}（${prefectures.length} 个地市）`;
  return [
    {
      suite: `指标全量重建 (${db_})`,
      metric: scale,
      value: rebuild.seconds,
      unit: "秒",
      baseline: { label: "单层 GROUP BY", value: groupBy.seconds },
      higherIsBetter: false,
      target: "< 60 秒",
    },
    ...medianAndTail(
      `指标增量更新 (${db_})`,
      "写入一条记录 ",
      writes,
      "裸 INSERT",
      plain,
      { target: "< 20 毫秒" },
      {
        target: "< 20 毫秒",
      },
    ),
    ...medianAndTail(
      `总览 metrics.overview (${db_})`,
      "",
      overview,
      "读聚合表",
      rawRead,
      { note: readNote },
      {
        target: "< 150 毫秒",
      },
    ),
    ...medianAndTail(
      `排名 ranking.peers (${db_})`,
      "",
      ranking,
      "读聚合表",
      rawRead,
      { note: `${readNote}，1,000 次蒙特卡洛` },
      { target: "< 150 毫秒" },
    ),
    ...evaluation,
  ];
}
