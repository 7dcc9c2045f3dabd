// @providers: sqlite — statistics in domain/ over aggregates metrics.int checks on PostgreSQL
// Alerts that mean something (issue 12): each region judged by its own
// thresholds, statistical rules silent without history, peers compared month
// by month, silences that stop escalation, and a quiet demo year.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodsBetween } from "../domain/metrics";
import { runEscalation } from "../services/alerts/alertActions";
import { evaluateRegions } from "../services/alerts/alertEvaluation";
import { saveRuleForRegion } from "../services/alerts/alertRules";
import { evaluateAllCounties, evaluateRecentMonths } from "../services/alerts/alertScheduler";
import { PLANTED_EVENTS } from "../services/demo/anomalies";
import { lastTwelvePeriods } from "../services/demo/generateRecords";
import { scoreSettingsFor } from "../services/metrics";
import { callerAs, sessionUser } from "./fixtures";
import { createSeededTestDb, useAsAppDb, type TestDb } from "./testDb";

describe("alert statistics and thresholds", { timeout: 180_000 }, () => {
  let testDb: TestDb;
  const periods = lastTwelvePeriods(new Date());
  const counties = async () =>
    (
      await testDb.db.region.findMany({
        where: { parentCode: "2201" },
        orderBy: { code: "asc" },
        select: { code: true },
      })
    ).map((r) => r.code);
  const firing = (ruleKey: string, period: number) =>
    testDb.db.alert.findMany({ where: { ruleKey, period, state: "FIRING" } });

  beforeAll(async () => {
    testDb = await createSeededTestDb();
    useAsAppDb(testDb);
  }, 300_000);
  afterAll(async () => {
    await testDb.cleanup();
  });

  it("judges each county by its own thresholds, in the scheduler's batched evaluation", async () => {
    const monitor = await sessionUser(testDb.db, "monitor");
    const period = periods[0]!;
    await evaluateAllCounties(testDb.db, period);
    const before = await firing("LEVEL_FORMS", period);
    const loud = before.find((a) => a.regionCode !== "220102");
    expect(loud, "the demo's first month has counties above 4 forms a village").toBeDefined();
    await saveRuleForRegion(testDb.db, monitor, {
      ruleKey: "LEVEL_FORMS",
      regionCode: loud!.regionCode,
      severity: "WARNING",
      enterThreshold: 100,
      exitThreshold: 90,
      pendingPeriods: 0,
      enabled: true,
    });
    await saveRuleForRegion(testDb.db, monitor, {
      ruleKey: "LEVEL_FORMS",
      regionCode: "220102",
      severity: "WARNING",
      enterThreshold: 0.01,
      exitThreshold: 0.005,
      pendingPeriods: 0,
      enabled: true,
    });
    await evaluateAllCounties(testDb.db, period);
    const after = await firing("LEVEL_FORMS", period);
    expect(after.map((a) => a.regionCode)).not.toContain(loud!.regionCode);
    expect(after.map((a) => a.regionCode)).toContain("220102");
    for (const alert of after.filter((a) => a.regionCode !== "220102")) expect(alert.value).toBeGreaterThan(4);
    // A sibling with few forms stays quiet although 220102 alarms at 0.01.
    const quiet = await testDb.db.alert.findMany({
      where: { ruleKey: "LEVEL_FORMS", period, regionCode: { not: "220102" }, value: { lte: 4 }, state: "FIRING" },
    });
    expect(quiet).toEqual([]);
  });

  it("statistical rules stay silent with fewer than six months of data (历史数据不足)", async () => {
    const events = await evaluateRegions(testDb.db, await counties(), periods[3]!);
    expect(
      events.filter((e) => (e.payload as { alert: { ruleKey: string } }).alert.ruleKey.startsWith("STAT_")),
    ).toEqual([]);
    const created = await testDb.db.alert.findMany({
      where: { period: periods[3]!, ruleKey: { startsWith: "STAT_" } },
    });
    expect(created).toEqual([]);
  });

  it("a peer outlier with a pending period fires: the earlier month is judged against its own peers", async () => {
    const monitor = await sessionUser(testDb.db, "monitor");
    await saveRuleForRegion(testDb.db, monitor, {
      ruleKey: "PEER_OUTLIER",
      regionCode: "220103",
      severity: "INFO",
      enterThreshold: 3.5,
      exitThreshold: 3,
      pendingPeriods: 1,
      enabled: true,
    });
    const api = await callerAs(testDb.db, "monitor_kc");
    const departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区应急管理局" } })).id;
    const [earlier, later] = [periods[9]!, periods[10]!];
    for (const period of [earlier, later]) {
      const occurredOn = new Date(Date.UTC(Math.floor(period / 100), (period % 100) - 1, 10));
      await api.record.create({
        kind: "TASK",
        title: "全面开展人口信息核查",
        departmentId,
        scopeRegionCode: "220103",
        units: 400,
        occurredOn,
        details: { responsibleFor: "村级组织负责入户核查", countyDeployed: true },
      });
    }
    await evaluateAllCounties(testDb.db, later);
    const alert = await testDb.db.alert.findFirst({
      where: { ruleKey: "PEER_OUTLIER", regionCode: "220103", lastPeriod: later },
    });
    expect(alert?.state).toBe("FIRING");
    expect(alert?.period, "the episode opened (pending) in the earlier month").toBe(earlier);
  });

  it("over the twelve demo months, statistical and peer rules are open for at most 10 % of county-months", async () => {
    // What start-up runs after the demo seed, so the inbox is right from the first minute.
    expect(await evaluateRecentMonths(testDb.db)).toBeGreaterThan(0);
    const countyMonths = (await counties()).length * periods.length;
    for (const ruleKey of ["STAT_RISE", "STAT_CUSUM", "PEER_OUTLIER", "PEER_LOW"]) {
      // An episode is open from the month it fired to its last month judged (the month it resolved not included).
      const episodes = await testDb.db.alert.findMany({
        where: { ruleKey, firingAt: { not: null }, regionCode: { startsWith: "2201" } },
      });
      const open = episodes.reduce(
        (sum, e) => sum + periodsBetween(e.period, e.lastPeriod ?? e.period).length - (e.state === "RESOLVED" ? 1 : 0),
        0,
      );
      expect(open / countyMonths, ruleKey).toBeLessThanOrEqual(0.1);
    }
  });

  it("each planted demo event raises its alert", async () => {
    for (const event of PLANTED_EVENTS) {
      const month = periods[event.month]!;
      const episodes = await testDb.db.alert.findMany({
        where: { ruleKey: event.ruleKey, regionCode: event.countyCode, firingAt: { not: null } },
      });
      expect(
        episodes.some((e) => e.period <= month && month <= (e.lastPeriod ?? e.period)),
        event.description,
      ).toBe(true);
    }
  });

  it("a silenced alert is not escalated, though it stays listed", async () => {
    const api = await callerAs(testDb.db, "monitor");
    const { alerts } = await api.alert.list({ regionCode: "2201", states: ["FIRING"] });
    const target = alerts.find((a) => a.severity === "CRITICAL" && !a.acknowledged)!;
    expect(target).toBeDefined();
    await api.alert.silence({
      regionCode: target.regionCode,
      ruleKey: target.ruleKey,
      reason: "专项整治期间集中处理",
      expiresAt: new Date(Date.now() + 3 * 86400_000),
    });
    const escalated = await runEscalation(testDb.db, new Date(Date.now() + 2 * 86400_000));
    expect(escalated.length).toBeGreaterThan(0);
    expect(escalated.map((e) => e.alertId)).not.toContain(target.id);
    const listed = (await api.alert.list({ regionCode: "2201", states: ["FIRING"] })).alerts.find(
      (a) => a.id === target.id,
    )!;
    expect(listed.silenced).toBe(true);
  });
  it("a lasting violation (a work group started months ago) is still told in records and villages", async () => {
    // The planted 宽城区 work group opened before the latest month; the summary must not fall back to 村次 alone.
    const alert = await testDb.db.alert.findFirstOrThrow({
      where: { ruleKey: "VIOLATION_WORK_GROUP", regionCode: "220103" },
      orderBy: { lastPeriod: "desc" },
    });
    expect(alert.summary).toMatch(/违规要求 \d+ 条，涉及 \d+ 个村（\d+ 村次）/);
  });

  it("a new violating record inside an open violation episode is an event of its own (新增违规), in records and villages", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区应急管理局" } })).id;
    const demand = (title: string, scopeRegionCode: string) =>
      api.record.create({
        kind: "PROOF_DEMAND",
        title,
        departmentId,
        scopeRegionCode,
        units: 1,
        occurredOn: new Date(),
        details: { proof: "截图" },
      });
    await demand("每日上传巡查截图", "220103");
    const alert = await testDb.db.alert.findFirstOrThrow({
      where: { ruleKey: "VIOLATION_PROOF_DEMAND", regionCode: "220103", state: "FIRING" },
    });
    expect(alert.summary).toMatch(/违规要求 \d+ 条，涉及 \d+ 个村（\d+ 村次）/);
    const second = await demand("入户走访须上传定位照片", "220103002");
    const events = await testDb.db.alertEvent.findMany({ where: { alertId: alert.id, type: "NEW_VIOLATION" } });
    const announced = events.map(
      (e) => (e.payload as { record: { id: string; department: string; title: string } }).record,
    );
    expect(announced).toContainEqual(
      expect.objectContaining({ id: second.id, department: "宽城区应急管理局", title: "入户走访须上传定位照片" }),
    );
  });

  it("the default score baseline is stored when first used: a record dated next year does not move the goalposts", async () => {
    const first = await scoreSettingsFor(testDb.db, "2201");
    const nextYear = (Math.floor(periods[11]! / 100) + 1) * 100 + 1;
    const key = { regionCode: "220103", period: nextYear, kind: "FORM" };
    await testDb.db.metricAggregate.create({ data: { ...key, records: 1, units: 173 } });
    expect((await scoreSettingsFor(testDb.db, "2201")).baselinePeriod).toBe(first.baselinePeriod);
    expect(first.baselinePeriod).toBeLessThan(nextYear);
    expect(await testDb.db.scoreConfig.count({ where: { regionCode: "" } })).toBe(1);
    await testDb.db.metricAggregate.delete({ where: { regionCode_period_kind: key } });
  });

  it("acknowledge → resolve → breach again: a new episode that must be acknowledged again and escalates again", async () => {
    const monitor = await sessionUser(testDb.db, "monitor");
    const api = await callerAs(testDb.db, "monitor");
    const rule = (enterThreshold: number, exitThreshold: number) =>
      saveRuleForRegion(testDb.db, monitor, {
        ruleKey: "LEVEL_GROUPS",
        regionCode: "220104",
        severity: "WARNING",
        enterThreshold,
        exitThreshold,
        pendingPeriods: 0,
        enabled: true,
      });
    const next = (p: number) => (p % 100 === 12 ? p + 89 : p + 1);
    const months = [next(periods[11]!)];
    while (months.length < 5) months.push(next(months.at(-1)!));
    const t0 = Date.now();
    const at = (hours: number) => new Date(t0 + hours * 3600_000);
    const episode = () =>
      testDb.db.alert.findFirst({ where: { ruleKey: "LEVEL_GROUPS", regionCode: "220104", state: "FIRING" } });

    await rule(100, 99);
    await evaluateRegions(testDb.db, ["220104"], months[0]!, at(0)); // whatever the demo months left open resolves
    expect(await episode()).toBeNull();
    await rule(-1, -2);
    await evaluateRegions(testDb.db, ["220104"], months[1]!, at(0));
    const first = (await episode())!;
    expect((await runEscalation(testDb.db, at(25))).map((e) => e.alertId)).toContain(first.id);
    await api.alert.acknowledge({ id: first.id, reason: "已督促县直部门清理工作群" });
    await evaluateRegions(testDb.db, ["220104"], months[2]!, at(26)); // still breaching next month: the same episode
    expect((await episode())!.id).toBe(first.id);
    await rule(100, 99);
    await evaluateRegions(testDb.db, ["220104"], months[3]!, at(27));
    expect((await testDb.db.alert.findUniqueOrThrow({ where: { id: first.id } })).state).toBe("RESOLVED");

    await rule(-1, -2);
    await evaluateRegions(testDb.db, ["220104"], months[4]!, at(28));
    const second = (await episode())!;
    expect(second.id).not.toBe(first.id);
    const listed = (await api.alert.list({ regionCode: "220104", states: ["FIRING"] })).alerts.find(
      (x) => x.id === second.id,
    )!;
    expect(listed.acknowledged).toBe(false);
    expect(listed.escalationLevel).toBe(0);
    expect((await runEscalation(testDb.db, at(40))).map((e) => e.alertId)).not.toContain(second.id);
    expect((await runEscalation(testDb.db, at(53))).map((e) => e.alertId)).toContain(second.id);
  });
});
