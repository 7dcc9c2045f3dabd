// One full evaluation of every rule for every county (the scheduled turn), beside
// the time to read the aggregates it is built on, on the national data the
// metrics suite has seeded.
import type { Db } from "../../server/db/client";
import type { DatabaseProvider } from "../../server/db/config";
import { findAggregates, rebuildAggregates } from "../../server/db/metricRepository";
import { periodsEnding } from "../../server/domain/metrics";
import { ensureDefaultRules } from "../../server/services/alerts/alertRules";
import { evaluateAllCounties } from "../../server/services/alerts/alertScheduler";
import { createBenchDb, PROVIDER_LABEL } from "../databases";
import { time, type Measurement } from "../harness";
import { seedRecords } from "./metrics";

const NATIONAL_COUNTIES = 2_978;

export async function alertEvaluationBench(
  db: Db,
  label: string,
  scale: string,
  period: number,
): Promise<Measurement[]> {
  await ensureDefaultRules(db);
  const counties = (await db.region.findMany({ where: { level: 3 }, select: { code: true } })).map((r) => r.code);
  const read = await time(async () => {
    for (let i = 0; i < counties.length; i += 500)
      await findAggregates(db, counties.slice(i, i + 500), periodsEnding(period, 48));
  });
  // Client CPU beside wall time: on the shared 2-core machine the wall time is mostly the load.
  const evaluate = async () => {
    const cpu = process.cpuUsage();
    let events = 0;
    const { seconds } = await time(async () => {
      events = await evaluateAllCounties(db, period);
    });
    const used = process.cpuUsage(cpu);
    return { seconds, events, cpuSeconds: (used.user + used.system) / 1e6 };
  };
  const first = await evaluate();
  // The same month again writes nothing: what is left is reading and judging.
  const again = await evaluate();
  const cpu = (run: { cpuSeconds: number }) => `进程 CPU ${run.cpuSeconds.toFixed(1)} 秒`;
  return [
    {
      suite: `预警全量评估 (${label})`,
      metric: `${counties.length.toLocaleString("zh-CN")} 个县 × 全部规则`,
      value: first.seconds,
      unit: "秒",
      baseline: { label: "读取所需聚合（48个月）", value: read.seconds },
      higherIsBetter: false,
      target: "< 60 秒 (PostgreSQL)",
      // The target is set for the nation's counties on PostgreSQL; quick runs and SQLite are for comparison.
      ...(label === PROVIDER_LABEL.postgresql && counties.length >= NATIONAL_COUNTIES
        ? { pass: first.seconds < 60 }
        : {}),
      note: `${scale}；${first.events.toLocaleString("zh-CN")} 个预警事件；${cpu(first)}（其余为数据库与等待）`,
    },
    {
      suite: `预警全量评估 (${label})`,
      metric: "同月再评估（无写入）",
      value: again.seconds,
      unit: "秒",
      baseline: { label: "首次评估", value: first.seconds },
      higherIsBetter: false,
      note: `${again.events.toLocaleString("zh-CN")} 个预警事件；${cpu(again)}`,
    },
  ];
}

/** `--only alerts`: the same national data as the metrics suite, then only the evaluation. */
export async function nationalAlertEvaluationBench(
  provider: DatabaseProvider,
  scope: string,
  records: number,
): Promise<Measurement[]> {
  const bench = await createBenchDb(provider, "alerts");
  try {
    await seedRecords(bench.db, scope, records);
    await rebuildAggregates(bench.db);
    const label = `${scope === "all" ? "全国" : scope}，${records.toLocaleString("zh-CN")} 条记录`;
    return await alertEvaluationBench(bench.db, PROVIDER_LABEL[provider], label, 202612);
  } finally {
    await bench.cleanup();
  }
}
