// @providers: sqlite — versions and admission through services; no raw SQL or dialect branch
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { callerAs } from "./fixtures";
import { FIXED_SEED_DATE } from "./templateLocks";
import { createSeededTestDb, useTestDb } from "./testDb";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return `${error.code}:${error.message}`;
    throw error;
  }
  return "OK";
}

/** A form record as a monitor enters it: one unit, filled `fillingsPerYear` times a year. */
const formRecord = (
  departmentId: string,
  title: string,
  scopeRegionCode: string,
  date: string,
  fillingsPerYear: number,
) => ({
  kind: "FORM" as const,
  title,
  departmentId,
  scopeRegionCode,
  units: 1,
  occurredOn: new Date(date),
  details: { fillingsPerYear },
});

describe("catalogues, admission and re-classification", () => {
  const testDb = useTestDb(() => createSeededTestDb(FIXED_SEED_DATE));

  const formRecords = (title: string) =>
    testDb.db.burdenRecord.findMany({
      where: { kind: "FORM", title, scopeRegionCode: { startsWith: "220103" }, status: "ACTIVE" },
    });

  it("a department applies for a form, a monitor approves it, and its records from then on are no longer violations", async () => {
    const title = "文明村创建材料汇总表";
    const before = await formRecords(title);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r) => r.isViolation)).toBe(true);

    const dept = await callerAs(testDb.db, "dept");
    const request = await dept.admission.submit({
      catalogue: "FORM_LIST",
      name: title,
      details: { allowedPerYear: 2 },
    });
    expect(request.status).toBe("PENDING");
    expect(request.regionCode).toBe("220103");

    const monitor = await callerAs(testDb.db, "monitor_kc");
    const pending = await monitor.admission.list({ regionCode: "220103", status: "PENDING" });
    expect(pending.map((r) => r.id)).toContain(request.id);

    const effectiveFrom = new Date(Date.UTC(2026, 5, 1));
    const { request: approved, reclassified } = await monitor.admission.decide({
      id: request.id,
      approve: true,
      effectiveFrom,
    });
    expect(approved.status).toBe("APPROVED");
    expect(reclassified!.changed).toBeGreaterThan(0);

    const after = await formRecords(title);
    for (const record of after) {
      const onList = record.occurredOn >= effectiveFrom;
      const flags = (record.violations as { code: string }[]).map((v) => v.code);
      expect(flags.includes("FORM_NOT_LISTED")).toBe(!onList);
    }
    // Records of other counties keep their flags: the entry is 宽城区's own list.
    const elsewhere = await testDb.db.burdenRecord.findMany({
      where: { kind: "FORM", title, scopeRegionCode: { startsWith: "220104" } },
    });
    expect(elsewhere.every((r) => r.isViolation)).toBe(true);

    const list = await monitor.catalogue.list({ regionCode: "220103", catalogue: "FORM_LIST" });
    expect(list.find((i) => i.name === title)).toMatchObject({
      version: 1,
      ownerName: "宽城区",
      departmentName: "宽城区卫生健康局",
    });
    expect(await codeOf(monitor.admission.decide({ id: request.id, approve: true }))).toMatch(
      /^BAD_REQUEST:该申请已处理/,
    );
  });

  it("a record entered for an approved form is then not a violation", async () => {
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const department = await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区民政局" } });
    const record = await monitor.record.create(
      formRecord(department.id, "文明村创建材料汇总表", "220103", "2026-11-02", 2),
    );
    expect(record.isViolation).toBe(false);
    const tooOften = await monitor.record.create(
      formRecord(department.id, "文明村创建材料汇总表", "220103", "2026-11-02", 6),
    );
    expect(tooOften.violations).toEqual([expect.objectContaining({ code: "FORM_TOO_FREQUENT" })]);
  });

  it("retiring an entry re-classifies later records and keeps every version", async () => {
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const title = "农村低保对象动态管理台账";
    const itemKey = `FORM_LIST:220103:${title}`;
    const department = await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区民政局" } });
    const late = await monitor.record.create(formRecord(department.id, title, "220103002", "2026-10-15", 12));
    expect(late.isViolation).toBe(false);
    const retiredFrom = new Date(Date.UTC(2026, 8, 1));
    const result = await monitor.catalogue.retire({ itemKey, validTo: retiredFrom });
    expect(result.changed).toBeGreaterThan(0);
    for (const record of await formRecords(title)) {
      const flags = (record.violations as { code: string }[]).map((v) => v.code);
      expect(flags.includes("FORM_NOT_LISTED")).toBe(record.occurredOn >= retiredFrom);
    }
    await monitor.catalogue.save({
      catalogue: "FORM_LIST",
      ownerRegionCode: "220103",
      name: title,
      details: { allowedPerYear: 4 },
      validFrom: new Date(Date.UTC(2026, 9, 1)),
    });
    const versions = await monitor.catalogue.history({ itemKey });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]!.validTo).toEqual(retiredFrom);
    const audit = await testDb.db.auditLog.findMany({
      where: { action: { in: ["CATALOGUE_RETIRE", "CATALOGUE_UPDATE", "RECLASSIFY", "APPROVE", "ADMISSION_SUBMIT"] } },
    });
    expect(new Set(audit.map((a) => a.action)).size).toBe(5);
  });

  it("rejects need a reason; owners and roles are checked", async () => {
    const dept = await callerAs(testDb.db, "dept");
    const request = await dept.admission.submit({
      catalogue: "WORK_GROUP",
      name: "卫健村医随访打卡群",
      details: { platform: "微信" },
    });
    const monitor = await callerAs(testDb.db, "monitor_kc");
    expect(await codeOf(monitor.admission.decide({ id: request.id, approve: false }))).toBe(
      "BAD_REQUEST:驳回须填写理由",
    );
    const rejected = await monitor.admission.decide({ id: request.id, approve: false, reason: "打卡群不予保留" });
    expect(rejected.request.status).toBe("REJECTED");
    const entry = (catalogue: "SIGNBOARD_STANDARD" | "FORM_LIST", ownerRegionCode: string) => ({
      catalogue,
      ownerRegionCode,
      name: catalogue === "FORM_LIST" ? "某表" : "某牌",
      details: (catalogue === "FORM_LIST" ? { allowedPerYear: 1 } : {}) as Record<string, number>,
      validFrom: new Date(),
    });
    expect(await codeOf(monitor.catalogue.save(entry("SIGNBOARD_STANDARD", "220103")))).toMatch(
      /^BAD_REQUEST:省级村级组织挂牌规范只能由省级设定/,
    );
    expect(await codeOf(monitor.catalogue.save(entry("FORM_LIST", "220104")))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(dept.catalogue.save(entry("FORM_LIST", "220103")))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(monitor.admission.submit({ catalogue: "FORM_LIST", name: "x", details: {} }))).toMatch(
      /^FORBIDDEN/,
    );
    const chaoyang = await callerAs(testDb.db, "monitor_cy");
    expect(await codeOf(chaoyang.admission.decide({ id: request.id, approve: true }))).toMatch(/^NOT_FOUND/);
  });

  it("the national negative list is loaded and visible to every county", async () => {
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const list = await monitor.catalogue.list({ regionCode: "220103", catalogue: "CERTIFICATE_NEGATIVE" });
    expect(list).toHaveLength(20);
    expect(list[0]!.ownerName).toBe("全国");
  });
});
