// Metrics at national scale: full rebuild of the aggregates against a plain
// GROUP BY over the same records, and one incremental update (a record written
// with its aggregates in one transaction) against a plain single-row insert.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { SessionUser } from "../../server/auth";
import { createPrismaClient, prepareDb } from "../../server/db/client";
import { applyMigrations } from "../../server/db/migrate";
import { rebuildAggregates } from "../../server/db/metricRepository";
import { BURDEN_KINDS } from "../../server/domain/burdenKinds";
import { seededRandom } from "../../server/domain/random";
import { importRegions } from "../../server/services/regionImport";
import { createBurdenRecord } from "../../server/services/records";
import { time, type Measurement } from "../harness";

function percentileOf(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export async function metricsBench(scope: string, records: number): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-metrics-"));
  const file = path.join(dir, "bench.db");
  const config = { provider: "sqlite" as const, location: file };
  await applyMigrations(config);
  const db = createPrismaClient(config);
  await prepareDb(db, config);
  const imported = await importRegions(db, scope);

  // Setup (not measured): one department per county, then the records, written directly.
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  const counties = raw.prepare(`SELECT code FROM "Region" WHERE level = 3`).all() as { code: string }[];
  const byLevel = (level: number) => (raw.prepare(`SELECT code FROM "Region" WHERE level = ?`).all(level) as { code: string }[]).map((r) => r.code);
  const townships = byLevel(4);
  const villages = byLevel(5);
  const addDepartment = raw.prepare(`INSERT INTO "Department" (id, regionCode, name, category, createdAt) VALUES (?, ?, ?, 'GOVERNMENT', ?)`);
  const now = new Date().toISOString().replace("Z", "+00:00");
  raw.transaction(() => counties.forEach((c, i) => addDepartment.run(`d${i}`, c.code, `县级部门${i}`, now)))();
  const random = seededRandom(42);
  const insert = raw.prepare(
    `INSERT INTO "BurdenRecord" (id, kind, departmentId, scopeRegionCode, scopeLevel, title, units, occurredOn, period, status, isViolation, dedicatedPost, source, version, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, '基准记录', ?, ?, ?, 'ACTIVE', ?, ?, 'IMPORT', 1, ?, ?)`,
  );
  const countyIndex = new Map(counties.map((c, i) => [c.code, i]));
  raw.transaction(() => {
    for (let i = 0; i < records; i += 1) {
      const r = random();
      const scope = r < 0.2 ? counties[Math.floor(random() * counties.length)]!.code : r < 0.45 ? townships[Math.floor(random() * townships.length)]! : villages[Math.floor(random() * villages.length)]!;
      const month = 1 + Math.floor(random() * 12);
      const kind = BURDEN_KINDS[Math.floor(random() * BURDEN_KINDS.length)]!;
      const department = `d${countyIndex.get(scope.slice(0, 6)) ?? 0}`;
      insert.run(`r${i}`, kind, department, scope, scope.length === 6 ? 3 : scope.length === 9 ? 4 : 5, 1 + Math.floor(random() * 3), `2026-${String(month).padStart(2, "0")}-15T12:00:00.000+00:00`, 202600 + month, random() < 0.4 ? 1 : 0, kind === "MECHANISM" && random() < 0.3 ? 1 : 0, now, now);
    }
  })();
  raw.exec(`ANALYZE`);

  const rebuild = await time(() => rebuildAggregates(db));
  const groupBy = await time(async () => raw.prepare(`SELECT "scopeRegionCode", period, kind, SUM(units) FROM "BurdenRecord" WHERE status = 'ACTIVE' GROUP BY 1, 2, 3`).all());
  raw.close();

  // Incremental: the full write path (validate, classify, insert, aggregates at every level, audit).
  const county = counties[0]!.code;
  const user: SessionUser = { id: "bench", username: "bench", name: "基准", role: "monitor", regionCode: county.slice(0, 2), departmentId: null };
  const department = await db.department.findFirstOrThrow({ where: { regionCode: county } });
  const writes: number[] = [];
  const plain: number[] = [];
  const samples = 200;
  for (let i = 0; i < samples; i += 1) {
    const scopeCode = i % 2 ? county : villages.find((v) => v.startsWith(county))!;
    const t0 = performance.now();
    await createBurdenRecord(db, user, { kind: "FORM", departmentId: department.id, scopeRegionCode: scopeCode, title: "基准表格", details: {}, units: 1, occurredOn: new Date(Date.UTC(2026, 5, 10)) });
    writes.push(performance.now() - t0);
    const t1 = performance.now();
    await db.burdenRecord.create({ data: { kind: "FORM", departmentId: department.id, scopeRegionCode: scopeCode, scopeLevel: scopeCode.length === 6 ? 3 : 5, title: "基准表格", units: 1, occurredOn: new Date(Date.UTC(2026, 5, 10)), period: 202606 } });
    plain.push(performance.now() - t1);
  }
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });

  const label = `${scope === "all" ? "全国" : scope}：${imported.villageLevelUnits.toLocaleString("zh-CN")} 村，${records.toLocaleString("zh-CN")} 条记录`;
  return [
    { suite: "指标全量重建 (SQLite)", metric: label, value: rebuild.seconds, unit: "秒", baseline: { label: "单层 GROUP BY", value: groupBy.seconds }, higherIsBetter: false, target: "< 60 秒" },
    { suite: "指标增量更新 (SQLite)", metric: "写入一条记录 p50", value: percentileOf(writes, 0.5), unit: "毫秒", baseline: { label: "裸 INSERT p50", value: percentileOf(plain, 0.5) }, higherIsBetter: false, target: "< 20 毫秒" },
    { suite: "指标增量更新 (SQLite)", metric: "写入一条记录 p95", value: percentileOf(writes, 0.95), unit: "毫秒", baseline: { label: "裸 INSERT p95", value: percentileOf(plain, 0.95) }, higherIsBetter: false, target: "< 20 毫秒" },
  ];
}
