// @providers: sqlite — classification in domain/, stored through the write path records.int checks
// Issue #13 through the real write paths: reference data from the migrations,
// counted frequencies re-judged on withdrawal, the 待核实 queue, demo states.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildAggregates } from "../db/metricRepository";
import { judgeRecord } from "../domain/classification";
import { catalogueSnapshotFor } from "../services/catalogueSnapshot";
import { callerAs } from "./fixtures";
import { createSeededTestDb, type TestDb, useTestDb } from "./testDb";

const codesOf = (record: { violations: unknown }) =>
  ((record.violations ?? []) as { code: string }[]).map((v) => v.code);

async function aggregates(db: TestDb["db"]) {
  const rows = await db.metricAggregate.findMany({
    orderBy: [{ regionCode: "asc" }, { period: "asc" }, { kind: "asc" }],
  });
  return rows
    .filter((r) => r.records !== 0 || r.directRecords !== 0 || Math.abs(r.units) > 1e-9)
    .map((r) => ({ ...r, units: Math.round(r.units * 1e6), violationUnits: Math.round(r.violationUnits * 1e6) }));
}

describe("reference catalogues come with the database, not with the demo", () => {
  const bare = useTestDb();

  it("flags 无犯罪证明 and knows the standard signs on a database without demo data", async () => {
    const count = () =>
      bare.db.catalogueItem.groupBy({ by: ["catalogue"], _count: { _all: true }, orderBy: { catalogue: "asc" } });
    const before = await count();
    expect(before.map((r) => [r.catalogue, r._count._all])).toEqual([
      ["CERTIFICATE_NEGATIVE", 20],
      ["SIGNBOARD_STANDARD", 6],
      ["TASK_FORBIDDEN", 4],
    ]);
    const snapshot = await catalogueSnapshotFor(bare.db, "220103001001", new Date(Date.UTC(2026, 5, 1)));
    const cert = judgeRecord(
      { kind: "CERTIFICATE", title: "无犯罪证明", details: { certificateName: "无犯罪证明" } },
      snapshot,
    );
    expect(cert.violations.map((v) => v.code)).toEqual(["CERT_NEGATIVE_LIST"]);
    const sign = judgeRecord(
      { kind: "SIGNBOARD", title: "上台子村村民委员会", details: { placement: "OUTSIDE" } },
      snapshot,
    );
    expect(sign.violations).toEqual([]);
  });
});

describe("judgements through the write paths", { timeout: 120_000 }, () => {
  let testDb: TestDb;
  let departmentId: string;
  let township: string;
  let village: { code: string; name: string };
  beforeAll(async () => {
    testDb = await createSeededTestDb();
    // A once-a-year form of the county's list that the demo never demanded.
    await testDb.db.catalogueItem.create({
      data: {
        catalogue: "FORM_LIST",
        itemKey: "FORM_LIST:220103:村级换届选举情况统计表",
        regionCode: "220103",
        name: "村级换届选举情况统计表",
        details: { allowedPerYear: 1 },
        validFrom: new Date(Date.UTC(2026, 0, 1)),
      },
    });
    departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区卫生健康局" } })).id;
    const v = await testDb.db.region.findFirstOrThrow({
      where: { level: 5, code: { startsWith: "220103" }, unitKind: "VILLAGE" },
      orderBy: { code: "desc" },
    });
    village = { code: v.code, name: v.name };
    township = v.code.slice(0, 9);
  }, 900_000);
  afterAll(() => testDb.cleanup());

  const base = (scopeRegionCode: string, day: string) => ({
    departmentId,
    scopeRegionCode,
    units: 1,
    occurredOn: new Date(`${day}T00:00:00Z`),
  });

  it("demo data has 待核实 records, counted frequency violations and dissolved work groups", async () => {
    expect(await testDb.db.burdenRecord.count({ where: { needsReview: true } })).toBeGreaterThan(0);
    const frequent = await testDb.db.burdenRecord.findMany({
      where: { kind: "FORM", catalogueItem: "村级基本情况统计表", isViolation: true },
      select: { violations: true },
    });
    expect(frequent.some((r) => codesOf(r).includes("FORM_TOO_FREQUENT"))).toBe(true);
    expect(
      await testDb.db.burdenRecord.count({ where: { kind: "WORK_GROUP", endedOn: { not: null } } }),
    ).toBeGreaterThan(0);
  });

  it("counts demands of a once-a-year form; withdrawing an earlier one re-judges the later ones", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const form = {
      kind: "FORM" as const,
      title: "村级换届选举情况统计表（2026年度）",
      details: { frequency: "每年", fillingsPerYear: 1 },
    };
    // A demand to the county reaches the village; one to the village does not reach its township.
    const first = await api.record.create({ ...base("220103", "2026-07-01"), ...form });
    const second = await api.record.create({ ...base(village.code, "2026-08-01"), ...form });
    const third = await api.record.create({ ...base(village.code, "2026-09-01"), ...form });
    const sibling = await api.record.create({ ...base(township, "2026-09-02"), ...form });
    const read = async (id: string) => testDb.db.burdenRecord.findUniqueOrThrow({ where: { id } });
    expect(codesOf(await read(first.id))).toEqual([]);
    expect(codesOf(await read(second.id))).toEqual(["FORM_TOO_FREQUENT"]);
    expect((await read(second.id)).violations).toEqual([
      expect.objectContaining({ reason: expect.stringContaining("本年度第2次") }),
    ]);
    expect(codesOf(await read(third.id))).toEqual(["FORM_TOO_FREQUENT"]);
    expect(codesOf(await read(sibling.id))).toEqual(["FORM_TOO_FREQUENT"]);
    await api.record.withdraw({ id: first.id, reason: "部门已撤回通知" });
    expect(codesOf(await read(second.id))).toEqual([]);
    expect(codesOf(await read(third.id))).toEqual(["FORM_TOO_FREQUENT"]);
    expect(codesOf(await read(sibling.id))).toEqual([]);
    const audit = await testDb.db.auditLog.findFirst({
      where: { action: "RECLASSIFY", after: { not: undefined } },
      orderBy: { createdAt: "desc" },
    });
    expect(JSON.stringify(audit?.after)).toContain("按实际下达次数重新判定频次");
  });

  it("a sign with the village's own name is the standard sign", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const sign = await api.record.create({
      ...base(village.code, "2026-11-02"),
      kind: "SIGNBOARD",
      title: `${village.name}村民委员会`,
      details: { placement: "OUTSIDE" },
    });
    expect(sign.isViolation).toBe(false);
    expect(sign.judgement).toMatchObject({ item: "村民委员会", score: 1 });
  });

  it("a doubtful name waits in the queue; confirming it teaches the synonym, confirming a violation flags it", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const before = (await api.review.counts({ regionCode: "220103" })).total;
    const doubtful = await api.record.create({
      ...base(township, "2026-11-03"),
      kind: "FORM",
      title: "农村低保对象动态管理台账（补充）",
      details: {},
    });
    expect(doubtful).toMatchObject({ isViolation: false, needsReview: true });
    expect((await api.review.counts({ regionCode: "220103" })).total).toBe(before + 1);
    const queued = await api.review.list({ regionCode: "220103", pageSize: 200 });
    expect(queued.items.some((r) => r.id === doubtful.id)).toBe(true);

    await api.review.resolve({ id: doubtful.id, decision: "MATCH", item: "农村低保对象动态管理台账" });
    const matched = await testDb.db.burdenRecord.findUniqueOrThrow({ where: { id: doubtful.id } });
    expect(matched).toMatchObject({
      needsReview: false,
      isViolation: false,
      catalogueItem: "农村低保对象动态管理台账",
    });
    const again = await api.record.create({
      ...base(township, "2026-11-04"),
      kind: "FORM",
      title: "农村低保对象动态管理台账（补充）",
      details: {},
    });
    expect(again).toMatchObject({ needsReview: false, catalogueItem: "农村低保对象动态管理台账" });

    const other = await api.record.create({
      ...base(township, "2026-11-05"),
      kind: "FORM",
      title: "低保对象动态管理台账补充表",
      details: {},
    });
    expect(other.needsReview).toBe(true);
    await api.review.resolve({ id: other.id, decision: "VIOLATION", note: "与目录表格字段不同，系另起炉灶" });
    expect(codesOf(await testDb.db.burdenRecord.findUniqueOrThrow({ where: { id: other.id } }))).toEqual([
      "FORM_NOT_LISTED",
    ]);
    await expect(api.review.resolve({ id: other.id, decision: "VIOLATION", note: "重复" })).rejects.toThrow(
      "没有待核实事项",
    );
  });

  it("keeps incremental aggregates equal to a full rebuild after all of the above", async () => {
    const incremental = await aggregates(testDb.db);
    await rebuildAggregates(testDb.db);
    expect(await aggregates(testDb.db)).toEqual(incremental);
  });
});
