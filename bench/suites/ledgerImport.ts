// Ledger import: rows per second of the full import (parse xlsx, validate,
// classify, write) against a plain prepared-statement insert of the same rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { createPrismaClient, prepareDb } from "../../server/db/client";
import { applyMigrations } from "../../server/db/migrate";
import { seedDemoIfEmpty } from "../../server/services/demoSeed";
import { importLedger } from "../../server/services/ledger/importLedger";
import type { SessionUser } from "../../server/auth";
import { time, type Measurement } from "../harness";

export async function ledgerImportBench(rows: number): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ledger-"));
  const config = { provider: "sqlite" as const, location: path.join(dir, "bench.db") };
  await applyMigrations(config);
  const db = createPrismaClient(config);
  await prepareDb(db, config);
  await seedDemoIfEmpty(db, () => {});
  const monitor = await db.user.findUniqueOrThrow({ where: { username: "monitor" } });
  const user: SessionUser = { id: monitor.id, username: "monitor", name: monitor.name, role: "monitor", regionCode: "2201", departmentId: null };
  const villages = (await db.region.findMany({ where: { level: 5 }, select: { code: true, parentCode: true } })).map((v) => v.code);
  const departments = await db.department.findMany({ select: { name: true, regionCode: true } });
  const byCounty = new Map<string, string[]>();
  for (const d of departments) byCounty.set(d.regionCode, [...(byCounty.get(d.regionCode) ?? []), d.name]);

  const names = ["无犯罪证明", "开个单身证明", "宅基地使用情况证明", "亲属关系证明", "土地承包经营权证明"];
  const data = Array.from({ length: rows }, (_, i) => {
    const village = villages[i % villages.length]!;
    const department = byCounty.get(village.slice(0, 6))![i % 17]!;
    const name = names[i % names.length]!;
    return [village, department, name, `2026-${String((i % 10) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`, 1 + (i % 3), name, "窗口", i % 2 ? "是" : "否", "", `第${i}行`];
  });
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("台账");
  sheet.addRow(["区划代码", "下达部门", "事项名称", "发生日期", "数量", "证明名称", "索要单位", "是否有法律依据", "法律依据", "佐证说明"]);
  for (const row of data) sheet.addRow(row);
  const file = Buffer.from(await wb.xlsx.writeBuffer());

  const run = await time(() => importLedger(db, user, { kind: "CERTIFICATE", fileName: "bench.xlsx", content: file }));
  if (run.result.inserted !== rows) throw new Error(`expected ${rows} rows, inserted ${run.result.inserted}`);
  await db.$disconnect();

  // Baseline: the same rows, already parsed, through one prepared INSERT in one transaction.
  const raw = new Database(path.join(dir, "baseline.db"));
  raw.pragma("journal_mode = WAL");
  raw.exec(fs.readFileSync(fs.readdirSync("prisma/migrations").filter((n) => /^\d/.test(n)).map((n) => path.join("prisma/migrations", n, "migration.sql"))[0]!, "utf8"));
  raw.prepare(`INSERT INTO "Department" (id, regionCode, name) VALUES ('d', '2201', '基准部门')`).run();
  const insert = raw.prepare(
    `INSERT INTO "BurdenRecord" (id, kind, departmentId, scopeRegionCode, scopeLevel, title, details, units, occurredOn, period, status, isViolation, source, version, createdAt, updatedAt) VALUES (?, 'CERTIFICATE', 'd', ?, 5, ?, ?, ?, ?, ?, 'ACTIVE', 0, 'IMPORT', 1, ?, ?)`,
  );
  const now = new Date().toISOString();
  const baseline = await time(async () =>
    raw.transaction(() => {
      data.forEach((r, i) => insert.run(`b${i}`, r[0], r[2], JSON.stringify({ certificateName: r[5] }), r[4], `${r[3]}T12:00:00.000Z`, Number(String(r[3]).slice(0, 7).replace("-", "")), now, now));
    })(),
  );
  raw.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    {
      suite: "台账导入 (SQLite)",
      metric: `${rows.toLocaleString("zh-CN")} 行 xlsx 导入`,
      value: rows / run.seconds,
      unit: "行/秒",
      baseline: { label: "预编译 INSERT", value: rows / baseline.seconds },
      higherIsBetter: true,
      target: rows >= 100_000 ? "< 10 秒" : undefined,
      note: `总用时 ${run.seconds.toFixed(2)} 秒`,
    },
  ];
}
