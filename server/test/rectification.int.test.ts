// @providers: sqlite — its one-open-item index is schema, checked by migrations.int
// The rectification loop end to end on one seeded city: records → item → evidence
// → return → resubmit → 销号 → records withdrawn, aggregates and alert follow;
// escalation on a controllable clock; one open item per record; departments
// and counties kept apart.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../auth";
import { escalateOverdueItems } from "../services/rectification/escalation";
import { addEvidence, readEvidence } from "../services/rectification/evidence";
import { callerAs, codeOf, sessionUser } from "./fixtures";
import { pngWithText } from "./pngFixture";
import { createSeededTestDb, type TestDb } from "./testDb";

const COUNTY = "220103"; // 宽城区
const DAY = 86_400_000;

/** A month before the demo's twelve, so the alert of these records is theirs alone (future months are refused). */
function quietMonthDate(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - 2, now.getUTCMonth(), 10));
}

describe("rectification loop", () => {
  let testDb: TestDb;
  let departmentId: string;
  let otherDepartmentId: string;
  let dept: SessionUser;
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "rectification-uploads-"));

  beforeAll(async () => {
    process.env.UPLOAD_DIR = path.join(uploads, "reports");
    testDb = await createSeededTestDb();
    departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区卫生健康局" } })).id;
    otherDepartmentId = (
      await testDb.db.department.findFirstOrThrow({
        where: { regionCode: COUNTY, id: { not: departmentId } },
        orderBy: { name: "asc" },
      })
    ).id;
    await testDb.db.user.create({
      data: {
        id: "dept-other",
        name: "另一部门填报员",
        email: "dept-other@example.invalid",
        username: "dept_other",
        role: "department",
        regionCode: COUNTY,
        departmentId: otherDepartmentId,
      },
    });
    dept = await sessionUser(testDb.db, "dept");
  }, 300_000);
  afterAll(async () => {
    await testDb.cleanup();
    fs.rmSync(uploads, { recursive: true, force: true });
  });

  /** Two unlisted forms of 宽城区卫生健康局 in a month with no other data. */
  async function twoViolatingForms(suffix: string) {
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const base = {
      departmentId,
      scopeRegionCode: COUNTY,
      units: 1,
      occurredOn: quietMonthDate(),
      kind: "FORM" as const,
      details: {},
    };
    const a = await monitor.record.create({ ...base, title: `村级文明创建台账${suffix}` });
    const b = await monitor.record.create({
      ...base,
      scopeRegionCode: "220103002",
      title: `村级人居环境整治台账${suffix}`,
    });
    expect(a.isViolation && b.isViolation).toBe(true);
    return [a, b];
  }

  it("seeds a demo workload in every state, some overdue and escalated", async () => {
    const items = await testDb.db.rectificationItem.findMany();
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(["OPEN", "SUBMITTED", "RETURNED", "CLOSED"]));
    expect(items.some((i) => i.state !== "CLOSED" && i.deadline < new Date() && i.escalationLevel === 1)).toBe(true);
    expect(items.filter((i) => i.departmentId === departmentId).length).toBeGreaterThanOrEqual(4);
    // Closed demo items ended their records.
    const closed = items.find((i) => i.state === "CLOSED")!;
    const links = await testDb.db.rectificationLink.findMany({ where: { itemId: closed.id } });
    expect(links.every((l) => l.openRecordId === null)).toBe(true);
    const statuses = await testDb.db.burdenRecord.findMany({
      where: { id: { in: links.map((l) => l.recordId) } },
      select: { status: true },
    });
    expect(statuses.every((s) => s.status === "WITHDRAWN")).toBe(true);
  });

  // Known gap (issue #16's closing note): alerts are now episodes per rule and county (#12), so records in a quiet
  // month no longer get an alert of their own; the test needs a county whose form episode it controls.
  it.skip("runs the whole cycle: alert → item → evidence → return → resubmit → 销号, and records, aggregates and alert follow", async () => {
    const [a, b] = await twoViolatingForms("甲");
    const period = a!.period;
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const department = await callerAs(testDb.db, "dept");
    const alert = await testDb.db.alert.findFirstOrThrow({
      where: { ruleKey: "VIOLATION_FORM", regionCode: COUNTY, period },
    });
    expect(alert.state).toBe("FIRING");

    const [item] = await monitor.rectification.createFromAlert({ alertId: alert.id });
    expect(item).toMatchObject({
      state: "OPEN",
      departmentId,
      clause: 3,
      action: "WITHDRAW",
      alertId: alert.id,
      source: "ALERT",
    });
    expect(item!.title).toContain("2 项违规填报表格");
    expect(item!.deadline.getTime()).toBeGreaterThan(Date.now() + 14 * DAY);

    // The department sees it, cannot submit without evidence.
    const mine = await department.rectification.list({ regionCode: COUNTY });
    expect(mine.map((i) => i.id)).toContain(item!.id);
    expect(mine.every((i) => i.departmentId === departmentId)).toBe(true);
    expect(await codeOf(department.rectification.submit({ id: item!.id, measures: "已撤回两张表格" }))).toBe(
      "BAD_REQUEST",
    );

    const evidence = await addEvidence(testDb.db, dept, item!.id, pngWithText("GPS 43.9N 125.3E"), "撤回通知.png");
    const stored = await readEvidence(testDb.db, dept, evidence.id);
    expect(stored.type).toBe("image/png");
    expect(Buffer.from(stored.bytes).includes("GPS")).toBe(false);
    await expect(addEvidence(testDb.db, dept, item!.id, Buffer.from("GIF89a....."), "x.gif")).rejects.toThrow(
      "JPG 或 PNG",
    );

    const submitted = await department.rectification.submit({
      id: item!.id,
      measures: "已印发撤回通知，停止下发两张表格",
    });
    expect(submitted.state).toBe("SUBMITTED");
    expect(await codeOf(department.rectification.accept({ id: item!.id }))).toBe("FORBIDDEN");
    expect(await codeOf(monitor.rectification.sendBack({ id: item!.id, reason: "" }))).toBe("BAD_REQUEST");
    const returned = await monitor.rectification.sendBack({ id: item!.id, reason: "未见撤回通知文号" });
    expect(returned).toMatchObject({ state: "RETURNED", returnReason: "未见撤回通知文号" });
    // Accepting a returned item is refused; resubmission needs fresh evidence.
    expect(await codeOf(monitor.rectification.accept({ id: item!.id }))).toBe("BAD_REQUEST");
    expect(await codeOf(department.rectification.submit({ id: item!.id, measures: "补充撤回通知文号" }))).toBe(
      "BAD_REQUEST",
    );
    await addEvidence(testDb.db, dept, item!.id, pngWithText("second", 90), "撤回通知（含文号）.png");
    await department.rectification.submit({ id: item!.id, measures: "补充撤回通知文号：宽卫发〔2026〕12号" });

    const before = await testDb.db.metricAggregate.findUniqueOrThrow({
      where: { regionCode_period_kind: { regionCode: COUNTY, period, kind: "FORM" } },
    });
    expect(before.violationUnits).toBeGreaterThan(0);
    const accepted = await monitor.rectification.accept({ id: item!.id, note: "材料齐全" });
    expect(accepted.state).toBe("CLOSED");
    expect(accepted.effects.withdrawnRecords.sort()).toEqual([a!.id, b!.id].sort());

    const records = await testDb.db.burdenRecord.findMany({ where: { id: { in: [a!.id, b!.id] } } });
    expect(records.map((r) => r.status)).toEqual(["WITHDRAWN", "WITHDRAWN"]);
    const after = await testDb.db.metricAggregate.findUnique({
      where: { regionCode_period_kind: { regionCode: COUNTY, period, kind: "FORM" } },
    });
    expect(after?.violationUnits ?? 0).toBe(0);
    expect(after?.units ?? 0).toBe(0);
    const human = await testDb.db.alertHumanState.findUniqueOrThrow({ where: { alertId: alert.id } });
    expect(human.rectificationNote).toContain(item!.id);
    expect(human.resolvedAt).not.toBeNull();
    expect((await testDb.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).state).not.toBe("FIRING");

    const detail = await monitor.rectification.get({ id: item!.id });
    expect(detail.steps.map((s) => s.type)).toEqual(["CREATED", "SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED"]);
    expect(detail.evidence).toHaveLength(2);
    expect(new Set(detail.evidence.map((e) => e.stepId)).size).toBe(2);
    const audit = await testDb.db.auditLog.findMany({ where: { entityId: item!.id }, select: { action: true } });
    expect(audit.map((x) => x.action)).toEqual(
      expect.arrayContaining([
        "RECTIFICATION_CREATE",
        "RECTIFICATION_SUBMITTED",
        "RECTIFICATION_RETURNED",
        "RECTIFICATION_ACCEPTED",
      ]),
    );

    const stats = await monitor.rectification.stats({ regionCode: COUNTY });
    const row = stats.departments.find((d) => d.key === departmentId)!;
    expect(row.closed).toBeGreaterThanOrEqual(2); // the demo item and this one
    expect(row.rectificationRate).toBeCloseTo(row.closed / row.total);
  });

  it("keeps one record in at most one open item", async () => {
    const [a, b] = await twoViolatingForms("乙");
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const [first] = await monitor.rectification.createFromRecords({ recordIds: [a!.id] });
    const refused = monitor.rectification.createFromRecords({ recordIds: [a!.id, b!.id] });
    await expect(refused).rejects.toThrow("已在未销号的整改事项中");
    expect(await testDb.db.rectificationLink.count({ where: { recordId: b!.id } })).toBe(0);
    // The database refuses it too, whatever a service might forget.
    await expect(
      testDb.db.rectificationLink.create({ data: { itemId: first!.id, recordId: `${a!.id}`, openRecordId: a!.id } }),
    ).rejects.toThrow();
    const manual = monitor.rectification.create({
      departmentId,
      clause: 3,
      title: "重复",
      requirement: "撤回",
      action: "WITHDRAW",
      recordIds: [a!.id],
    });
    expect(await codeOf(manual)).toBe("BAD_REQUEST");
    expect(await codeOf(monitor.rectification.createFromRecords({ recordIds: [] }))).toBe("BAD_REQUEST");
  });

  it("escalates an overdue item once, to the parent region, on the settings' clock", async () => {
    const [a] = await twoViolatingForms("丙");
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const deadline = new Date(Date.now() + DAY);
    const [item] = await monitor.rectification.createFromRecords({
      recordIds: [a!.id],
      options: { deadline, severity: "WARNING" },
    });
    const limits = { INFO: 7 * 24 * 60, WARNING: 24 * 60, CRITICAL: 60 };
    expect(
      (await escalateOverdueItems(testDb.db, new Date(deadline.getTime() + 23 * 3600_000), limits)).map((e) => e.id),
    ).not.toContain(item!.id);
    const escalated = await escalateOverdueItems(testDb.db, new Date(deadline.getTime() + 25 * 3600_000), limits);
    expect(escalated).toContainEqual({ id: item!.id, escalatedTo: "2201" });
    expect(
      await escalateOverdueItems(testDb.db, new Date(deadline.getTime() + 50 * 3600_000), limits),
    ).not.toContainEqual(expect.objectContaining({ id: item!.id }));
    const detail = await monitor.rectification.get({ id: item!.id });
    expect(detail.escalated).toBe(true);
    expect(detail.steps.at(-1)).toMatchObject({ type: "ESCALATED", actorName: "系统" });

    // An approved extension moves the deadline and clears the escalation.
    const department = await callerAs(testDb.db, "dept");
    expect(
      await codeOf(
        department.rectification.requestExtension({
          id: item!.id,
          until: new Date(Date.now() + 20 * DAY),
          reason: "短",
        }),
      ),
    ).toBe("BAD_REQUEST");
    await department.rectification.requestExtension({
      id: item!.id,
      until: new Date(Date.now() + 20 * DAY),
      reason: "需县政府常务会审议撤销",
    });
    expect(await codeOf(department.rectification.decideExtension({ id: item!.id, approve: true }))).toBe("FORBIDDEN");
    const approved = await monitor.rectification.decideExtension({ id: item!.id, approve: true });
    expect(approved.deadline.getTime()).toBeGreaterThan(Date.now() + 19 * DAY);
    expect(approved.escalationLevel).toBe(0);
  });

  it("keeps a department to its own items and a county to its own jurisdiction", async () => {
    const own = await testDb.db.rectificationItem.findFirstOrThrow({
      where: { departmentId, state: { in: ["OPEN", "RETURNED"] } },
    });
    const other = await callerAs(testDb.db, "dept_other");
    const otherUser = await sessionUser(testDb.db, "dept_other");
    expect(await codeOf(other.rectification.get({ id: own.id }))).toBe("NOT_FOUND");
    expect(await codeOf(other.rectification.submit({ id: own.id, measures: "冒名提交整改措施" }))).toBe("NOT_FOUND");
    expect(
      await codeOf(
        other.rectification.requestExtension({
          id: own.id,
          until: new Date(Date.now() + 30 * DAY),
          reason: "冒名申请延期理由",
        }),
      ),
    ).toBe("NOT_FOUND");
    await expect(addEvidence(testDb.db, otherUser, own.id, pngWithText("x"), "x.png")).rejects.toThrow("不存在");
    const listed = await other.rectification.list({ regionCode: COUNTY });
    expect(listed.every((i) => i.departmentId === otherDepartmentId)).toBe(true);
    expect(listed.map((i) => i.id)).not.toContain(own.id);

    const chaoyang = await callerAs(testDb.db, "monitor_cy");
    expect(await codeOf(chaoyang.rectification.list({ regionCode: COUNTY }))).toBe("FORBIDDEN");
    expect(await codeOf(chaoyang.rectification.get({ id: own.id }))).toBe("NOT_FOUND");
    expect(await codeOf(chaoyang.rectification.accept({ id: own.id }))).toBe("NOT_FOUND");
    expect(
      (await chaoyang.rectification.list({ regionCode: "220104" })).every((i) => i.regionCode.startsWith("220104")),
    ).toBe(true);
    const cityWide = await (await callerAs(testDb.db, "monitor")).rectification.list({
      regionCode: "2201",
      overdue: true,
    });
    expect(cityWide.length).toBeGreaterThan(0);
    expect(cityWide.every((i) => i.overdue)).toBe(true);
  });

  it("rectifies an exposure case only when its items are closed", async () => {
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const second = await callerAs(testDb.db, "monitor");
    const created = await monitor.exposure.create({
      regionCode: COUNTY,
      departmentId,
      title: "违规要求村级上传入户照片",
      demanded: "每户拍照上传",
      clause: 3,
      rectification: "停止留痕要求",
      deadline: new Date(Date.now() + 10 * DAY),
    });
    await monitor.exposure.move({ id: created.id, step: "submit" });
    await second.exposure.move({ id: created.id, step: "publish" });
    expect(await codeOf(monitor.exposure.move({ id: created.id, step: "rectified" }))).toBe("BAD_REQUEST");
    const [item] = await monitor.rectification.createFromExposure({ caseId: created.id });
    expect(item).toMatchObject({ exposureCaseId: created.id, severity: "CRITICAL" });
    expect(await codeOf(monitor.exposure.move({ id: created.id, step: "rectified" }))).toBe("BAD_REQUEST");
    await addEvidence(testDb.db, dept, item!.id, pngWithText("notice"), "通知.png");
    await (await callerAs(testDb.db, "dept")).rectification.submit({
      id: item!.id,
      measures: "已停止要求村级上传入户照片",
    });
    await monitor.rectification.accept({ id: item!.id });
    expect((await testDb.db.exposureCase.findUniqueOrThrow({ where: { id: created.id } })).state).toBe("RECTIFIED");
  });

  it("gives the department its workspace and a self-check before imposing a demand", async () => {
    const department = await callerAs(testDb.db, "dept");
    const ws = await department.department.workspace();
    expect(ws.department.name).toBe("宽城区卫生健康局");
    expect(ws.thisYear.reduce((s, k) => s + k.records, 0)).toBeGreaterThan(0);
    expect(ws.items.length).toBeGreaterThan(0);
    expect(ws.items.every((i) => i.state !== "CLOSED" && i.departmentId === departmentId)).toBe(true);
    const firstNotOverdue = ws.items.findIndex((i) => !i.overdue);
    expect(ws.items.slice(firstNotOverdue === -1 ? ws.items.length : firstNotOverdue).every((i) => !i.overdue)).toBe(
      true,
    );
    expect(ws.league.rank).toBeGreaterThan(0);
    expect(ws.league.rectificationRate).not.toBeNull();

    const check = await department.department.selfCheck({
      kind: "FORM",
      scopeRegionCode: COUNTY,
      title: "自拟村级卫生台账",
      details: {},
      units: 1,
      occurredOn: new Date(),
    });
    expect(check.isViolation).toBe(true);
    expect(check.violations[0]).toMatchObject({ clause: 3 });
    expect(
      await codeOf(
        department.department.selfCheck({
          kind: "FORM",
          scopeRegionCode: "220104",
          title: "越界",
          details: {},
          units: 1,
          occurredOn: new Date(),
        }),
      ),
    ).toBe("BAD_REQUEST");
    const saved = await department.department.selfReport({
      kind: "FORM",
      scopeRegionCode: COUNTY,
      title: "自拟村级卫生台账",
      details: {},
      units: 1,
      occurredOn: new Date(),
    });
    expect(saved).toMatchObject({ departmentId, isViolation: true });
  });
});
