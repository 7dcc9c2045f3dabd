// @providers: sqlite — access codes, rate limit, conversion in services; writes as in records.int
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORTS_PER_HOUR_PER_POINT, submitDirectReport } from "../services/directReports";
import { callerAs, codeOf } from "./fixtures";
import { createSeededTestDb, type TestDb } from "./testDb";

describe("direct reports from monitoring points", () => {
  let testDb: TestDb;
  beforeAll(async () => {
    process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/burden-uploads-${process.pid}`;
    testDb = await createSeededTestDb();
  });
  afterAll(() => testDb.cleanup());

  it("a cadre opens the page with the access code, reports anonymously and follows the receipt", async () => {
    const anonymous = await callerAs(testDb.db, null);
    const point = await anonymous.directReport.open({ accessCode: "kcq2-demo" });
    expect(point.villageName).toContain("宽城区");
    expect(point.departments).toContain("宽城区卫生健康局");
    const { receiptNo } = await submitDirectReport(testDb.db, {
      accessCode: "KCQ2-DEMO",
      kind: "PROOF_DEMAND",
      departmentName: "宽城区卫生健康局",
      content: "要求每天上传入户照片和定位",
      anonymous: true,
      reporterName: "王某",
      reporterPhone: "13800000000",
    });
    expect(receiptNo).toMatch(/^ZB\d{8}[A-Z0-9]{6}$/);
    const status = await anonymous.directReport.status({ receiptNo });
    expect(status.statusName).toBe("已受理，待核实");

    const stored = await testDb.db.directReport.findUniqueOrThrow({ where: { receiptNo } });
    expect(stored.reporterName).toBeNull();
    expect(stored.reporterPhone).toBeNull();
    expect(JSON.stringify(stored)).not.toContain("KCQ2");
  });

  it("a monitor converts the report into a burden record; the reporter sees the outcome", async () => {
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const [report] = await monitor.directReport.list({ regionCode: "220103", status: "RECEIVED" });
    expect(report!.reporterName).toBeNull();
    const department = await testDb.db.department.findFirstOrThrow({ where: { name: report!.departmentName } });
    const record = await monitor.directReport.convert({
      id: report!.id,
      note: "经核实属实，已纳入监测",
      record: {
        kind: "PROOF_DEMAND",
        title: "每天上传入户照片和定位",
        departmentId: department.id,
        scopeRegionCode: report!.regionCode,
        units: 1,
        occurredOn: new Date(),
        details: { proof: "照片+定位" },
      },
    });
    expect(record.source).toBe("DIRECT_REPORT");
    expect(record.isViolation).toBe(true);
    const status = await (await callerAs(testDb.db, null)).directReport.status({ receiptNo: report!.receiptNo });
    expect(status).toMatchObject({ status: "CONVERTED", handlingNote: "经核实属实，已纳入监测" });
    expect(await codeOf(monitor.directReport.reject({ id: report!.id, note: "重复" }))).toBe("BAD_REQUEST");
  });

  it("keeps a named reporter's details for monitors only; departments and leaders cannot list reports", async () => {
    await submitDirectReport(testDb.db, {
      accessCode: "KCQ2-DEMO",
      kind: "CERTIFICATE",
      departmentName: "宽城区公安局",
      content: "要求开具无犯罪证明",
      anonymous: false,
      reporterName: "李四",
      reporterPhone: "13900000000",
    });
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const named = (await monitor.directReport.list({ regionCode: "220103" })).find((r) => !r.anonymous);
    expect(named).toMatchObject({ reporterName: "李四" });
    for (const username of ["dept", "leader", "inspector"]) {
      const api = await callerAs(testDb.db, username);
      expect(await codeOf(api.directReport.list({ regionCode: "220103" }))).toBe("FORBIDDEN");
    }
    expect(await codeOf((await callerAs(testDb.db, "monitor_cy")).directReport.list({ regionCode: "220103" }))).toBe(
      "FORBIDDEN",
    );
  });

  it("refuses bad codes, bad photos and floods from one point", async () => {
    const anonymous = await callerAs(testDb.db, null);
    await expect(anonymous.directReport.open({ accessCode: "ZZZZ-ZZZZ" })).rejects.toThrow("访问码无效或已停用");
    const report = {
      accessCode: "CYQ2-DEMO",
      kind: "FORM",
      departmentName: "朝阳区民政局",
      content: "要求填写表格五份",
      anonymous: true,
    } as const;
    await expect(
      submitDirectReport(testDb.db, { ...report, photo: new TextEncoder().encode("<svg onload=alert(1)>") }),
    ).rejects.toThrow("照片须为 JPG 或 PNG 格式");
    const flood = async () => submitDirectReport(testDb.db, report);
    for (let i = 0; i < REPORTS_PER_HOUR_PER_POINT; i += 1) await flood();
    await expect(flood()).rejects.toThrow("一小时内已提交");
  });

  it("rotating an access code retires the old one", async () => {
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const village = (
      await testDb.db.monitoringPoint.findFirstOrThrow({ where: { regionCode: { startsWith: "220103" } } })
    ).regionCode;
    const issued = await monitor.directReport.issueAccessCode({ villageCode: village });
    expect(issued.accessCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const anonymous = await callerAs(testDb.db, null);
    await expect(anonymous.directReport.open({ accessCode: "KCQ2-DEMO" })).rejects.toThrow("访问码无效");
    expect((await anonymous.directReport.open({ accessCode: issued.accessCode })).villageName).toContain("宽城区");
    expect(await codeOf(monitor.directReport.issueAccessCode({ villageCode: "220104001001" }))).toBe("FORBIDDEN");
  });
});
