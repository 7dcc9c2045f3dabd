import { closeDb, getDb, prepareDb } from "../db/client";
import { applyMigrations } from "../dbadmin/migrate";
import { rebuildAggregates } from "../db/metricRepository";
import { evaluateRecentMonths } from "../services/alerts/alertScheduler";

try {
  await applyMigrations();
  const db = getDb();
  await prepareDb(db);
  const started = performance.now();
  const rows = await rebuildAggregates(db);
  console.log(
    `指标已全量重建：${rows.toLocaleString("zh-CN")} 个汇总行，用时 ${((performance.now() - started) / 1000).toFixed(2)} 秒`,
  );
  // Rebuilt aggregates can move any rule value: evaluate now rather than at the next scheduled turn.
  console.log(`预警规则已重新评估：${await evaluateRecentMonths(db)} 个预警事件`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
}
