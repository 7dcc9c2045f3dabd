// @providers: sqlite, postgresql covers db/metricRepository.ts — raw-SQL delta upserts equal a rebuild
// Lasting burdens (issue #13 item 3): counted in every month they are active,
// and the incrementally kept aggregates equal a full rebuild after any random
// sequence of creates, edits, ends and withdrawals (fast-check).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../domain/actor";
import { insertDepartments } from "../db/departmentRepository";
import { findAggregates, findNewDemandCounts, rebuildAggregates } from "../db/metricRepository";
import { isActiveIn, STOCK_KINDS } from "../domain/stock";
import { departmentLeague } from "../services/departmentLeague";
import { endLastingBurden } from "../services/lasting";
import { scoreSettingsFor } from "../services/metrics";
import { createBurdenRecord, updateBurdenRecord, withdrawBurdenRecord } from "../services/records";
import { importRegions } from "../services/regionImport";
import { createTestDb, type TestDb } from "./testDb";

const COUNTY = "220103";
const day = (month: number, d = 10) => new Date(Date.UTC(2026, month - 1, d));

async function storedAggregates(db: TestDb["db"]) {
  const rows = await db.metricAggregate.findMany({
    orderBy: [{ regionCode: "asc" }, { period: "asc" }, { kind: "asc" }],
  });
  return rows.filter(
    (r) => r.records !== 0 || r.directRecords !== 0 || r.units !== 0 || r.directUnits !== 0 || r.startedRecords !== 0,
  );
}

describe("lasting burdens count in every month they are active", { timeout: 600_000 }, () => {
  let testDb: TestDb;
  let user: SessionUser;
  let departmentId: string;
  let scopes: string[];
  beforeAll(async () => {
    testDb = await createTestDb();
    await importRegions(testDb.db, COUNTY);
    const [department] = await insertDepartments(testDb.db, [
      { regionCode: COUNTY, name: "宽城区民政局", category: "GOVERNMENT" },
    ]);
    departmentId = department!.id;
    const monitor = await testDb.db.user.create({
      data: {
        id: "test-monitor",
        username: "m",
        name: "监测员",
        role: "monitor",
        regionCode: COUNTY,
        email: "m@local",
      },
    });
    user = { id: monitor.id, username: "m", name: "监测员", role: "monitor", regionCode: COUNTY, departmentId: null };
    const village = await testDb.db.region.findFirstOrThrow({
      where: { level: 5, code: { startsWith: COUNTY } },
      orderBy: { code: "asc" },
    });
    scopes = [COUNTY, village.code.slice(0, 9), village.code];
  }, 600_000);
  afterAll(() => testDb.cleanup());

  const group = (scope: string, month: number, title = "县乡村振兴工作群") => ({
    kind: "WORK_GROUP" as const,
    departmentId,
    scopeRegionCode: scope,
    title,
    details: { platform: "微信" },
    units: 1,
    occurredOn: day(month),
  });

  it("a group created in March and dissolved in June counts March to June, not before or after", async () => {
    const record = await createBurdenRecord(testDb.db, user, group(scopes[2]!, 3));
    await endLastingBurden(testDb.db, user, record.id, day(6, 20), "县委办通知解散");
    const rows = await findAggregates(testDb.db, [COUNTY], [202602, 202603, 202604, 202606, 202607]);
    const months = rows
      .filter((r) => r.kind === "WORK_GROUP" && r.records > 0)
      .map((r) => r.period)
      .sort();
    expect(months).toEqual([202603, 202604, 202606]);
    await expect(endLastingBurden(testDb.db, user, record.id, day(2), "错误")).rejects.toThrow("不能早于开始日期");
    await withdrawBurdenRecord(testDb.db, user, record.id, "测试完毕");
  });

  it("events stay in their month and cannot be ended", async () => {
    const form = await createBurdenRecord(testDb.db, user, {
      ...group(COUNTY, 4),
      kind: "FORM",
      title: "村级基本情况统计表",
      details: {},
    });
    await expect(endLastingBurden(testDb.db, user, form.id, day(5), "测试")).rejects.toThrow("一次性事项");
    const rows = await findAggregates(testDb.db, [COUNTY], [202604, 202605]);
    expect(rows.filter((r) => r.kind === "FORM").map((r) => r.period)).toEqual([202604]);
    await withdrawBurdenRecord(testDb.db, user, form.id, "测试完毕");
  });

  it("the department league counts a lasting burden in every month it is active, not only its start month", async () => {
    const county = await testDb.db.region.findUniqueOrThrow({ where: { code: COUNTY } });
    const region = { code: COUNTY, villages: county.villageCount + county.communityCount };
    const { minutes } = await scoreSettingsFor(testDb.db, COUNTY);
    const groupHours = async (from: number, to: number) =>
      (await departmentLeague(testDb.db, region, from, to, minutes)).find((d) => d.departmentId === departmentId)
        ?.hoursByKind.WORK_GROUP ?? 0;
    const record = await createBurdenRecord(testDb.db, user, group(COUNTY, 3, "县级联席工作群"));
    const month = await groupHours(202603, 202603);
    expect(month).toBeGreaterThan(0);
    expect(await groupHours(202602, 202602)).toBe(0);
    expect(await groupHours(202606, 202606)).toBeCloseTo(month);
    expect(await groupHours(202601, 202606)).toBeCloseTo(4 * month);
    await endLastingBurden(testDb.db, user, record.id, day(4, 20), "县委办通知解散");
    expect(await groupHours(202606, 202606)).toBe(0);
    expect(await groupHours(202601, 202606)).toBeCloseTo(2 * month);
    await withdrawBurdenRecord(testDb.db, user, record.id, "测试完毕");
  });

  it("incremental aggregates equal metrics:rebuild after random creates, edits, ends and withdrawals", async () => {
    const op = fc.oneof(
      fc.record({
        type: fc.constant("create" as const),
        kind: fc.constantFrom(...STOCK_KINDS, "FORM" as const),
        scope: fc.nat(2),
        month: fc.integer({ min: 1, max: 11 }),
      }),
      fc.record({
        type: fc.constant("end" as const),
        pick: fc.nat(),
        months: fc.option(fc.integer({ min: 0, max: 6 })),
      }),
      fc.record({
        type: fc.constant("edit" as const),
        pick: fc.nat(),
        scope: fc.nat(2),
        month: fc.integer({ min: 1, max: 11 }),
      }),
      fc.record({ type: fc.constant("withdraw" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        await testDb.db.burdenRecord.deleteMany();
        await testDb.db.metricAggregate.deleteMany();
        const ids: string[] = [];
        for (const o of ops) {
          const live = await testDb.db.burdenRecord.findMany({
            where: { id: { in: ids }, status: "ACTIVE" },
            orderBy: { createdAt: "asc" },
          });
          const target = "pick" in o && live.length ? live[o.pick % live.length]! : null;
          if (o.type === "create") {
            const input = {
              ...group(scopes[o.scope]!, o.month),
              kind: o.kind,
              details:
                o.kind === "WORK_GROUP"
                  ? { platform: "微信" }
                  : o.kind === "MECHANISM"
                    ? { dedicatedPost: o.month % 2 === 0 }
                    : o.kind === "SIGNBOARD"
                      ? { placement: "OUTSIDE" }
                      : {},
            };
            ids.push((await createBurdenRecord(testDb.db, user, input)).id);
          } else if (o.type === "end" && target && target.kind !== "FORM") {
            const endedOn =
              o.months === null ? null : new Date(Date.UTC(2026, target.occurredOn.getUTCMonth() + o.months, 28));
            if (!endedOn || endedOn.getTime() < Date.now())
              await endLastingBurden(testDb.db, user, target.id, endedOn, "随机结束");
          } else if (o.type === "edit" && target) {
            const occurredOn = day(o.month);
            if (!target.endedOn || occurredOn <= target.endedOn)
              await updateBurdenRecord(
                testDb.db,
                user,
                target.id,
                {
                  kind: target.kind as "FORM",
                  departmentId,
                  scopeRegionCode: scopes[o.scope]!,
                  title: target.title,
                  details: target.details as Record<string, unknown>,
                  units: 2,
                  occurredOn,
                },
                "随机修改",
              );
          } else if (o.type === "withdraw" && target) {
            await withdrawBurdenRecord(testDb.db, user, target.id, "随机撤回");
          }
        }
        // Every month: the county's stock equals the records active in it.
        const records = await testDb.db.burdenRecord.findMany({ where: { status: "ACTIVE" } });
        const periods = Array.from({ length: 14 }, (_, i) => (i < 12 ? 202601 + i : 202701 + i - 12));
        const read = await findAggregates(testDb.db, [COUNTY], periods);
        for (const kind of STOCK_KINDS)
          for (const period of periods) {
            const expected = records.filter((r) => r.kind === kind && isActiveIn(period, r.period, r.endPeriod)).length;
            expect(read.find((r) => r.kind === kind && r.period === period)?.records ?? 0, `${kind} ${period}`).toBe(
              expected,
            );
          }
        // Every month: the demands the change detection counts as new are the records that began in it.
        const started = await findNewDemandCounts(testDb.db, [COUNTY], periods);
        for (const period of periods)
          expect(started.find((r) => r.period === period)?.records ?? 0, `新增需求 ${period}`).toBe(
            records.filter((r) => r.period === period).length,
          );
        const incremental = await storedAggregates(testDb.db);
        await rebuildAggregates(testDb.db);
        expect(await storedAggregates(testDb.db)).toEqual(incremental);
      }),
      { numRuns: 12, seed: 13 },
    );
  });
});
