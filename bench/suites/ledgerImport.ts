// Ledger import: rows per second of the full import (parse xlsx, validate,
// classify, write) against a plain prepared-statement insert of the same rows
// into the same database, on SQLite and on PostgreSQL.
import { monitorEventLoopDelay } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import { demoSessionUser } from "../../server/services/demo/rectification";
import type { Db } from "../../server/db/client";
import type { DatabaseProvider } from "../../server/db/config";
import { seedDemoIfEmpty } from "../../server/services/demoSeed";
import { importLedger } from "../../server/services/ledger/importLedger";
import { CERTIFICATE_HEADERS, ledgerWorkbook } from "../../server/test/ledgerFixture";
import { createBenchDb, PROVIDER_LABEL } from "../databases";
import { time, type Measurement } from "../harness";

export type LedgerRow = [string, string, string, string, number, string, string, string, string, string];
type Row = LedgerRow;

export function ledgerFile(rows: Row[]): Promise<Buffer> {
  return ledgerWorkbook(CERTIFICATE_HEADERS, rows);
}

const BASELINE_SQL = {
  sqlite: `INSERT INTO "BurdenRecord" (id, kind, "departmentId", "scopeRegionCode", "scopeLevel", title, details, units, "occurredOn", period, status, "isViolation", source, version, "createdAt", "updatedAt")
    VALUES (?, 'CERTIFICATE', ?, ?, 5, ?, ?, ?, ?, ?, 'ACTIVE', false, 'IMPORT', 1, ?, ?)`,
  postgresql: `INSERT INTO "BurdenRecord" (id, kind, "departmentId", "scopeRegionCode", "scopeLevel", title, details, units, "occurredOn", period, status, "isViolation", source, version, "createdAt", "updatedAt")
    VALUES ($1, 'CERTIFICATE', $2, $3, 5, $4, $5, $6, $7, $8, 'ACTIVE', false, 'IMPORT', 1, $9, $10)`,
};

/** The same rows, already parsed, through one prepared INSERT per row in one transaction. */
async function plainInsert(
  provider: DatabaseProvider,
  location: string,
  departmentId: string,
  rows: Row[],
): Promise<number> {
  const now = new Date();
  const values = (r: Row, i: number) => [
    `b${i}`,
    departmentId,
    r[0],
    r[2],
    JSON.stringify({ certificateName: r[5] }),
    r[4],
    new Date(`${r[3]}T12:00:00.000Z`),
    Number(r[3].slice(0, 7).replace("-", "")),
    now,
    now,
  ];
  if (provider === "sqlite") {
    const raw = new Database(location);
    const insert = raw.prepare(BASELINE_SQL.sqlite);
    const { seconds } = await time(async () =>
      raw.transaction(() => {
        for (const [i, r] of rows.entries())
          insert.run(values(r, i).map((v) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : v)));
      })(),
    );
    raw.close();
    return seconds;
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  const { seconds } = await time(async () => {
    await client.query("BEGIN");
    for (let i = 0; i < rows.length; i += 1)
      await client.query({ name: "baseline-insert", text: BASELINE_SQL.postgresql, values: values(rows[i]!, i) });
    await client.query("COMMIT");
  });
  await client.end();
  return seconds;
}

/** `rows` certificate demands spread over every village of the seeded region and its counties' departments. */
export async function certificateRows(db: Db, rows: number): Promise<{ data: Row[]; departments: { id: string }[] }> {
  const villages = (
    await db.region.findMany({ where: { level: 5 }, select: { code: true }, orderBy: { code: "asc" } })
  ).map((v) => v.code);
  const departments = await db.department.findMany({
    select: { id: true, name: true, regionCode: true },
    orderBy: { name: "asc" },
  });
  const byCounty = new Map<string, string[]>();
  for (const d of departments) byCounty.set(d.regionCode, [...(byCounty.get(d.regionCode) ?? []), d.name]);

  const names = ["无犯罪证明", "开个单身证明", "宅基地使用情况证明", "亲属关系证明", "土地承包经营权证明"];
  const data: Row[] = Array.from({ length: rows }, (_, i) => {
    const village = villages[i % villages.length]!;
    const countyDepartments = byCounty.get(village.slice(0, 6))!;
    const name = names[i % names.length]!;
    const day = `2026-${String((i % 10) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    return [
      village,
      countyDepartments[i % countyDepartments.length]!,
      name,
      day,
      1 + (i % 3),
      name,
      "窗口",
      i % 2 ? "是" : "否",
      "",
      `第${i}行`,
    ];
  });
  return { data, departments };
}

export async function ledgerImportBench(provider: DatabaseProvider, rows: number): Promise<Measurement[]> {
  const bench = await createBenchDb(provider, "ledger");
  const { db } = bench;
  await seedDemoIfEmpty(db, () => {});
  const user = await demoSessionUser(db, "monitor");
  const { data, departments } = await certificateRows(db, rows);
  const file = await ledgerFile(data);

  // How long the main thread was held at a stretch while the import ran: what every other request waits.
  // Per phase too: the worker takes reading and validating; writing stays on the main thread.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const byPhase = new Map<string, ReturnType<typeof monitorEventLoopDelay>>();
  let current: ReturnType<typeof monitorEventLoopDelay> | undefined;
  const onProgress = ({ phase }: { phase: string }) => {
    const stage = phase === "writing" || phase === "done" ? "写入" : "读取与校验";
    if (byPhase.has(stage)) return;
    current?.disable();
    current = monitorEventLoopDelay({ resolution: 10 });
    current.enable();
    byPhase.set(stage, current);
  };
  delay.enable();
  const cpuBefore = process.cpuUsage();
  const run = await time(() =>
    importLedger(db, user, { kind: "CERTIFICATE", fileName: "bench.xlsx", content: file }, onProgress),
  );
  delay.disable();
  current?.disable();
  const phaseNotes = [...byPhase].map(
    ([stage, h]) => `${stage}阶段 p99 ${(h.percentile(99) / 1e6).toFixed(0)}、最大 ${(h.max / 1e6).toFixed(0)} 毫秒`,
  );
  const cpu = process.cpuUsage(cpuBefore);
  if (run.result.inserted !== rows) throw new Error(`expected ${rows} rows, inserted ${run.result.inserted}`);
  await db.$disconnect();
  const baselineSeconds = await plainInsert(provider, bench.config.location, departments[0]!.id, data);
  await bench.cleanup();
  return [
    {
      suite: `台账导入 (${PROVIDER_LABEL[provider]})`,
      metric: `${rows.toLocaleString("zh-CN")} 行 xlsx 导入`,
      value: rows / run.seconds,
      unit: "行/秒",
      baseline: { label: "预编译 INSERT（已解析的行）", value: rows / baselineSeconds },
      higherIsBetter: true,
      target: "≥ 0.30×",
      note: `总用时 ${run.seconds.toFixed(2)} 秒（含解析、校验、分类、聚合）`,
    },
    {
      suite: `台账导入 (${PROVIDER_LABEL[provider]})`,
      metric: "导入期间主线程事件循环延迟 p99",
      value: delay.percentile(99) / 1e6,
      unit: "毫秒",
      higherIsBetter: false,
      note: `最大 ${(delay.max / 1e6).toFixed(0)} 毫秒；${phaseNotes.join("；")}；进程 CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} 秒（含工作线程）`,
    },
  ];
}
