// @providers: sqlite, postgresql — the migration's backfill is SQL written once per dialect
// The migration that added MetricAggregate."startedRecords" fills it for databases that already hold records:
// its backfill, run on the demo city with the column zeroed, gives what the incremental upkeep gives.
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { STOCK_KINDS } from "../domain/stock";
import { createSeededTestDb, testProvider, useTestDb } from "./testDb";

const MIGRATION = "20261130114652_evaluation_from_aggregates";

function backfillStatements(): string[] {
  const folder = testProvider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations";
  const sql = fs.readFileSync(path.join(folder, MIGRATION, "migration.sql"), "utf8");
  const backfill = sql.slice(sql.indexOf('-- Backfill "startedRecords"'));
  return backfill
    .replace(/^--.*$/gm, "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

const testDb = useTestDb(() => createSeededTestDb());

const startedByRow = async () =>
  (
    await testDb.db.metricAggregate.findMany({
      select: { regionCode: true, period: true, kind: true, startedRecords: true },
      orderBy: [{ regionCode: "asc" }, { period: "asc" }, { kind: "asc" }],
    })
  ).map((r) => `${r.regionCode} ${r.period} ${r.kind} ${r.startedRecords}`);

it("the backfill gives every aggregate the records that began in its month", { timeout: 120_000 }, async () => {
  const kept = await startedByRow();
  // The demo city has lasting records that ended, so a stock row's records and its starts differ.
  const stock = await testDb.db.metricAggregate.count({
    where: { kind: { in: [...STOCK_KINDS] }, startedRecords: { gt: 0 } },
  });
  expect(stock).toBeGreaterThan(0);
  const statements = backfillStatements();
  expect(statements).toHaveLength(2);
  await testDb.db.metricAggregate.updateMany({ data: { startedRecords: 0 } });
  for (const statement of statements) await testDb.db.$executeRawUnsafe(statement);
  expect(await startedByRow()).toEqual(kept);
});
