// @providers: sqlite — overlap arithmetic in domain/ over ordinary Prisma reads
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, codeOf } from "./fixtures";
import { createSeededTestDb, type TestDb } from "./testDb";

const KUANCHENG = "220103";

describe("一表通 on the demo data", { timeout: 120_000 }, () => {
  let testDb: TestDb;
  beforeAll(async () => {
    // A copy of the run's seeded template: the demo data is all this file reads.
    testDb = await createSeededTestDb();
  }, 300_000);
  afterAll(() => testDb.cleanup());

  it("finds at least three clusters, each with a merge proposal and hours saved", async () => {
    const monitor = await callerAs(testDb.db, "monitor");
    const view = await monitor.formOverlap.county({ regionCode: KUANCHENG });
    expect(view.forms.length).toBeGreaterThanOrEqual(25);
    expect(view.clusters.length).toBeGreaterThanOrEqual(3);
    for (const c of view.clusters.slice(0, 3)) {
      expect(c.members.length).toBeGreaterThanOrEqual(2);
      expect(c.savedHours).toBeGreaterThan(0);
      expect(c.groups.length).toBeGreaterThan(0);
      expect(c.members.map((m) => m.key)).toContain(c.baseKey);
    }
    const titles = view.clusters.map((c) => c.members.map((m) => m.title));
    expect(titles.some((t) => t.includes("农村低保对象动态管理台账") && t.includes("防返贫动态监测信息采集表"))).toBe(
      true,
    );
    expect(view.repeatedEntries).toBeGreaterThan(0);
    expect(view.repeatedEntries).toBeLessThan(view.entries);
    expect(view.topItems[0]!.forms).toBeGreaterThan(view.topItems.at(-1)!.forms - 1);
  });

  it("ranks the counties of the city by repeated-entry hours per village", async () => {
    const monitor = await callerAs(testDb.db, "monitor");
    const rows = await monitor.formOverlap.ranking({ regionCode: "2201" });
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.hoursPerVillage >= r.hoursPerVillage)).toBe(true);
    expect(rows.every((r) => r.repeatedHours > 0)).toBe(true);
    // The region view's figure is the counties' sum; departments share it out.
    const city = await monitor.formOverlap.burden({ regionCode: "2201" });
    expect(city.hours).toBeCloseTo(
      rows.reduce((s, r) => s + r.repeatedHours, 0),
      6,
    );
    const county = await monitor.formOverlap.burden({ regionCode: KUANCHENG });
    expect(county.byDepartment.reduce((s, d) => s + d.hours, 0)).toBeLessThanOrEqual(county.hours + 1e-6);
    expect(county.byDepartment[0]!.name).toMatch(/^宽城区/);
  });

  it("accepting a proposal files a pending admission request for the merged form; it cannot be decided twice", async () => {
    const monitor = await callerAs(testDb.db, "monitor");
    const [cluster] = (await monitor.formOverlap.county({ regionCode: KUANCHENG })).clusters;
    const { admissionRequest } = await monitor.formOverlap.accept({
      regionCode: KUANCHENG,
      clusterKey: cluster!.clusterKey,
    });
    expect(admissionRequest).toMatchObject({
      status: "PENDING",
      catalogue: "FORM_LIST",
      regionCode: KUANCHENG,
      name: cluster!.title,
    });
    expect((admissionRequest.details as { mergedFrom: string[] }).mergedFrom).toEqual(
      cluster!.members.map((m) => m.title),
    );
    const after = await monitor.formOverlap.county({ regionCode: KUANCHENG });
    expect(after.clusters.find((c) => c.clusterKey === cluster!.clusterKey)?.decision?.status).toBe("ACCEPTED");
    expect(await codeOf(monitor.formOverlap.accept({ regionCode: KUANCHENG, clusterKey: cluster!.clusterKey }))).toBe(
      "BAD_REQUEST",
    );
    const audit = await testDb.db.auditLog.findFirst({ where: { action: "MERGE_ACCEPT" } });
    expect(audit?.regionCode).toBe(KUANCHENG);
    // The draft shows its overlap during admission review.
    const overlap = await monitor.formOverlap.admissionOverlap({ id: admissionRequest.id });
    expect(overlap.matches[0]!.reuse).toBe(true);
    expect(overlap.matches[0]!.sharedItems).toContain("身份证号");
  });

  it("dismissing needs a reason; other roles and other counties are refused", async () => {
    const monitor = await callerAs(testDb.db, "monitor");
    const view = await monitor.formOverlap.county({ regionCode: KUANCHENG });
    const open = view.clusters.find((c) => !c.decision)!;
    expect(
      await codeOf(monitor.formOverlap.dismiss({ regionCode: KUANCHENG, clusterKey: open.clusterKey, reason: " " })),
    ).toBe("BAD_REQUEST");
    const leader = await callerAs(testDb.db, "leader");
    expect(
      await codeOf(
        leader.formOverlap.dismiss({ regionCode: KUANCHENG, clusterKey: open.clusterKey, reason: "两表服务对象不同" }),
      ),
    ).toBe("FORBIDDEN");
    const otherCounty = await callerAs(testDb.db, "monitor_cy");
    expect(await codeOf(otherCounty.formOverlap.county({ regionCode: KUANCHENG }))).toBe("FORBIDDEN");
    const { decision } = await monitor.formOverlap.dismiss({
      regionCode: KUANCHENG,
      clusterKey: open.clusterKey,
      reason: "两表服务对象不同",
    });
    expect(decision).toMatchObject({ status: "DISMISSED", reason: "两表服务对象不同" });
  });

  it("a new field list and a monitor's mapping change the analysis, each versioned and audited", async () => {
    const monitor = await callerAs(testDb.db, "monitor_kc");
    await monitor.formOverlap.saveFields({
      regionCode: KUANCHENG,
      title: "村级志愿服务时长统计表",
      fields: ["志愿者姓名", "身份证号", "是否低保户", "家庭人口数", "低保金额", "致贫原因", "家庭年收入"],
    });
    const view = await monitor.formOverlap.county({ regionCode: KUANCHENG });
    const volunteer = view.forms.find((f) => f.title === "村级志愿服务时长统计表")!;
    expect(volunteer.fields).toContain("致贫原因");
    expect(view.clusters.some((c) => c.members.some((m) => m.title === "村级志愿服务时长统计表"))).toBe(true);

    const before = await monitor.formOverlap.dictionary({ regionCode: KUANCHENG });
    const unmapped = before.rows.find((r) => r.status === "UNMAPPED")!;
    expect(unmapped).toBeTruthy();
    await monitor.formOverlap.setMapping({ regionCode: KUANCHENG, fieldName: unmapped.field, itemKey: "HOUSING_USE" });
    await monitor.formOverlap.setMapping({ regionCode: KUANCHENG, fieldName: unmapped.field, itemKey: null });
    const after = await monitor.formOverlap.dictionary({ regionCode: KUANCHENG });
    expect(after.rows.find((r) => r.field === unmapped.field)).toMatchObject({ status: "UNIQUE", method: "override" });
    const versions = await testDb.db.fieldDictionaryEntry.findMany({
      where: { regionCode: KUANCHENG },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await testDb.db.auditLog.count({ where: { action: "FIELD_MAPPING" } })).toBe(2);
    expect(
      await codeOf(monitor.formOverlap.setMapping({ regionCode: KUANCHENG, fieldName: "x", itemKey: "NO_SUCH_ITEM" })),
    ).toBe("BAD_REQUEST");
  });

  it("hours follow the standard minutes per field entry, edited with the other standard minutes", async () => {
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const before = await monitor.formOverlap.county({ regionCode: KUANCHENG });
    const { current } = await monitor.scoreSettings.get({ regionCode: KUANCHENG });
    await monitor.scoreSettings.save({
      regionCode: KUANCHENG,
      weights: current.weights,
      minutes: { ...current.minutes, FIELD_ENTRY: before.minutesPerFieldEntry * 2 },
      baselinePeriod: current.baselinePeriod,
    });
    const after = await monitor.formOverlap.county({ regionCode: KUANCHENG });
    expect(after.minutesPerFieldEntry).toBe(before.minutesPerFieldEntry * 2);
    expect(after.repeatedHours).toBeCloseTo(before.repeatedHours * 2, 6);
  });
});
