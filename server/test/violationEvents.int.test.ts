// @providers: sqlite — announcing in services/alerts/violationEvents.ts over repository reads records.int checks on PostgreSQL
// 新增违规 on every write path: a ledger import into an open violation episode
// announces its new violating records like manual entry does (issue #12 item 7).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentPeriod } from "../domain/burdenRecord";
import { GROUP_ABOVE } from "../services/alerts/violationEvents";
import { importLedger } from "../services/ledger/importLedger";
import { callerAs, sessionUser } from "./fixtures";
import { createSeededTestDb, type TestDb } from "./testDb";

interface Announced {
  note: string;
  count?: number;
  departments?: { name: string; records: number }[];
  records?: { id: string; title: string; department: string; villages: number }[];
  record?: { id: string; title: string; department: string; villages: number };
}

describe("新增违规 events from a ledger import", () => {
  let testDb: TestDb;
  let alertId: string;
  const period = currentPeriod();
  const date = `${Math.floor(period / 100)}-${String(period % 100).padStart(2, "0")}-01`;
  const header = "区划代码,下达部门,事项名称,发生日期,数量,留痕方式,对应工作,佐证说明";
  const csv = (rows: { scope: string; department: string; title: string }[]) =>
    Buffer.from(
      `${[header, ...rows.map((r) => `${r.scope},${r.department},${r.title},${date},1,截图,巡河,`)].join("\n")}\n`,
    );
  const events = async () =>
    (await testDb.db.alertEvent.findMany({ where: { alertId, type: "NEW_VIOLATION" }, orderBy: { seq: "asc" } })).map(
      (e) => e.payload as unknown as Announced,
    );

  beforeAll(async () => {
    testDb = await createSeededTestDb();
    const api = await callerAs(testDb.db, "monitor_kc");
    const departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区应急管理局" } })).id;
    await api.record.create({
      kind: "PROOF_DEMAND",
      title: "每日上传巡查截图",
      departmentId,
      scopeRegionCode: "220103",
      units: 1,
      occurredOn: new Date(`${date}T12:00:00Z`),
      details: { proof: "截图" },
    });
    alertId = (
      await testDb.db.alert.findFirstOrThrow({
        where: { ruleKey: "VIOLATION_PROOF_DEMAND", regionCode: "220103", state: { in: ["PENDING", "FIRING"] } },
      })
    ).id;
  });
  afterAll(() => testDb.cleanup());

  it("a small import: one event per new violating record, naming record, department and villages", async () => {
    const before = (await events()).length;
    const user = await sessionUser(testDb.db, "monitor_kc");
    const titles = ["入户走访须上传定位照片", "每周上传环境整治照片", "每日上传巡河截图"];
    const rows = titles.map((title) => ({ scope: "220103", department: "宽城区应急管理局", title }));
    const result = await importLedger(testDb.db, user, {
      kind: "PROOF_DEMAND",
      fileName: "留痕.csv",
      content: csv(rows),
    });
    expect(result.violations).toBe(3);
    const announced = (await events()).slice(before);
    expect(announced.map((e) => e.record?.title).sort()).toEqual([...titles].sort());
    const villages = (await testDb.db.region.findUniqueOrThrow({ where: { code: "220103" } })).villageCount;
    for (const e of announced) {
      expect(e.record).toMatchObject({ department: "宽城区应急管理局" });
      expect(e.record!.villages).toBeGreaterThanOrEqual(villages);
      expect(e.note).toContain("宽城区应急管理局「");
    }
  });

  it("a 200-row import: one grouped event listing every record and department", async () => {
    const before = (await events()).length;
    const user = await sessionUser(testDb.db, "monitor_kc");
    const rows = Array.from({ length: 200 }, (_, i) => ({
      scope: "220103",
      department: i < 120 ? "宽城区应急管理局" : "宽城区卫生健康局",
      title: `第${i + 1}项台账留痕截图`,
    }));
    const result = await importLedger(testDb.db, user, {
      kind: "PROOF_DEMAND",
      fileName: "大台账.csv",
      content: csv(rows),
    });
    expect(result).toMatchObject({ inserted: 200, violations: 200 });
    const announced = (await events()).slice(before);
    expect(200).toBeGreaterThan(GROUP_ABOVE);
    expect(announced).toHaveLength(1);
    const grouped = announced[0]!;
    expect(grouped.count).toBe(200);
    expect(grouped.departments).toEqual([
      { name: "宽城区应急管理局", records: 120 },
      { name: "宽城区卫生健康局", records: 80 },
    ]);
    expect(new Set(grouped.records!.map((r) => r.title))).toEqual(new Set(rows.map((r) => r.title)));
    const ids = (await testDb.db.burdenRecord.findMany({ where: { importBatchId: result.batchId } })).map((r) => r.id);
    expect(grouped.records!.map((r) => r.id).sort()).toEqual(ids.sort());
    expect(grouped.note).toContain("新增 200 条违规要求");
    expect(grouped.note).toContain("宽城区应急管理局 120 条、宽城区卫生健康局 80 条");
  });

  it("importing the same file again adds nothing and announces nothing", async () => {
    const before = (await events()).length;
    const user = await sessionUser(testDb.db, "monitor_kc");
    const rows = [{ scope: "220103", department: "宽城区应急管理局", title: "入户走访须上传定位照片" }];
    await importLedger(testDb.db, user, { kind: "PROOF_DEMAND", fileName: "留痕.csv", content: csv(rows) });
    expect((await events()).length).toBe(before);
  });
});
