// @providers: sqlite, postgresql covers db/burdenRepository.ts, services/records.ts — text search, keyset, totals
import { beforeAll, describe, expect, it } from "vitest";
import { forgetRecordCounts } from "../services/recordCounts";
import { callerAs, codeOf } from "./fixtures";
import { createSeededTestDb, useTestDb } from "./testDb";

describe("recording burden records through tRPC", () => {
  const testDb = useTestDb(createSeededTestDb);
  let departmentId: string;
  beforeAll(async () => {
    departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区卫生健康局" } })).id;
  });

  const base = () => ({
    departmentId,
    scopeRegionCode: "220103",
    units: 1,
    occurredOn: new Date("2026-11-10T00:00:00Z"),
  });

  it("flags a screenshot demand under clause 3 with the Chinese reason, and audits it", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const record = await api.record.create({
      ...base(),
      kind: "PROOF_DEMAND",
      title: "入户走访须上传定位照片",
      details: { proof: "照片+定位" },
    });
    expect(record.isViolation).toBe(true);
    expect(record.violations).toEqual([
      { clause: 3, code: "PROOF_AS_BASIS", reason: "以截图、录像、定位等留痕作为评判工作依据（《意见》第3条）" },
    ]);
    expect(record.period).toBe(202611);
    const audit = await testDb.db.auditLog.findFirstOrThrow({ where: { entityId: record.id } });
    expect(audit.action).toBe("CREATE");
  });

  it("classifies against the county catalogue: a listed form is clean, an unlisted one is not", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const listed = await api.record.create({
      ...base(),
      kind: "FORM",
      title: "农村低保对象动态管理台账",
      details: { fillingsPerYear: 12 },
    });
    expect(listed.isViolation).toBe(false);
    const unlisted = await api.record.create({ ...base(), kind: "FORM", title: "文明村创建材料汇总表", details: {} });
    expect(unlisted.violations).toEqual([expect.objectContaining({ code: "FORM_NOT_LISTED", clause: 3 })]);
  });

  it("matches certificate names to the national negative list", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const record = await api.record.create({
      ...base(),
      scopeRegionCode: "220103002001",
      kind: "CERTIFICATE",
      title: "单身证明",
      details: { certificateName: "开个单身证明" },
    });
    expect(record.violations).toEqual([expect.objectContaining({ clause: 7, code: "CERT_NEGATIVE_LIST" })]);
    expect(JSON.stringify(record.violations)).toContain("婚姻状况证明");
  });

  it("keeps history on edit and counts a withdrawn record out", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const record = await api.record.create({
      ...base(),
      kind: "MATERIAL",
      title: "年度工作总结",
      details: { countyDeployed: false },
    });
    expect(record.isViolation).toBe(true);
    const edited = await api.record.update({
      id: record.id,
      record: { ...base(), kind: "MATERIAL", title: "年度工作总结", details: { countyDeployed: true } },
      reason: "核实为县委统一部署",
    });
    expect(edited.isViolation).toBe(false);
    expect(edited.version).toBe(2);
    await api.record.withdraw({ id: record.id, reason: "重复录入" });
    const history = await api.record.history({ id: record.id });
    expect(history.record.status).toBe("WITHDRAWN");
    expect(history.revisions.map((r) => r.version)).toEqual([2, 1]);
    expect(await codeOf(api.record.withdraw({ id: record.id, reason: "再次撤回" }))).toBe("BAD_REQUEST");
    const listed = await api.record.list({ regionCode: "220103", kind: "MATERIAL", pageSize: 200 });
    expect(listed.items.some((r) => r.id === record.id)).toBe(false);
  });

  it("refuses records outside jurisdiction, by the wrong role, or with bad details", async () => {
    const kuancheng = await callerAs(testDb.db, "monitor_kc");
    expect(
      await codeOf(
        kuancheng.record.create({
          ...base(),
          scopeRegionCode: "220104",
          kind: "PROOF_DEMAND",
          title: "x",
          details: { proof: "截图" },
        }),
      ),
    ).toBe("FORBIDDEN");
    const leader = await callerAs(testDb.db, "leader");
    expect(
      await codeOf(leader.record.create({ ...base(), kind: "PROOF_DEMAND", title: "x", details: { proof: "截图" } })),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        kuancheng.record.create({ ...base(), kind: "SIGNBOARD", title: "x", details: { placement: "ROOF" } }),
      ),
    ).toBe("BAD_REQUEST");
    const chaoyang = await callerAs(testDb.db, "monitor_cy");
    const mine = await kuancheng.record.list({ regionCode: "220103", pageSize: 1 });
    expect(await codeOf(chaoyang.record.history({ id: mine.items[0]!.id }))).toBe("NOT_FOUND");
    expect(await codeOf(chaoyang.record.list({ regionCode: "220103" }))).toBe("FORBIDDEN");
  });

  it("pages through a filtered list with a cursor", async () => {
    const api = await callerAs(testDb.db, "monitor");
    const first = await api.record.list({ regionCode: "2201", isViolation: true, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    expect(first.items.every((r) => r.isViolation)).toBe(true);
    const second = await api.record.list({
      regionCode: "2201",
      isViolation: true,
      pageSize: 50,
      cursor: first.nextCursor,
    });
    expect(second.items[0]!.id).not.toBe(first.items[49]!.id);
    expect(new Set([...first.items, ...second.items].map((r) => r.id)).size).toBe(100);
    expect(second.total).toBe(first.total);
    // The records page asks later pages for no total (it shows the first page's): the same records, nothing counted.
    const uncounted = await api.record.list({
      regionCode: "2201",
      isViolation: true,
      pageSize: 50,
      cursor: first.nextCursor,
      count: false,
    });
    expect(uncounted.total).toBeNull();
    expect(uncounted.items.map((r) => r.id)).toEqual(second.items.map((r) => r.id));
  });

  it("counts a created record at once in the kept totals it falls in, and in no other", async () => {
    const api = await callerAs(testDb.db, "monitor_kc");
    const filters = [
      { regionCode: "220103" },
      { regionCode: "220103", kind: "FORM" as const },
      { regionCode: "220103", kind: "CERTIFICATE" as const },
      { regionCode: "220103001" },
    ];
    const totals = async () => Promise.all(filters.map(async (f) => (await api.record.list(f)).total));
    const before = await totals();
    const created = await api.record.create({
      ...base(),
      scopeRegionCode: "220103002001",
      kind: "FORM",
      title: "计数测试表格",
    });
    const after = await totals();
    expect(after).toEqual([before[0]! + 1, before[1]! + 1, before[2], before[3]]);
    forgetRecordCounts();
    expect(await totals()).toEqual(after);
    // A withdrawal forgets the kept totals of its record's month: the next lists count it again.
    await api.record.withdraw({ id: created.id, reason: "重复录入" });
    expect(await totals()).toEqual(before);
  });
});
