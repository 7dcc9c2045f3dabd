// @providers: sqlite — its one-open-item index is schema, checked by migrations.int
// The rectification loop end to end on one seeded city: records → item → evidence
// → return → resubmit → 销号 → records withdrawn, aggregates and alert follow;
// escalation on a controllable clock; one open item per record; departments
// and counties kept apart.
import fs from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth, type SessionUser } from "../auth";
import { findAggregates } from "../db/metricRepository";
import { insertDepartments } from "../db/departmentRepository";
import { isActiveIn, isStockKind, nextPeriod } from "../domain/stock";
import { evaluateRegions } from "../services/alerts/alertEvaluation";
import { attachRealtime, closeRealtime } from "../realtime/server";
import type { RectificationEventMessage } from "../realtime/rectification";
import { DEMO_PASSWORD } from "../services/demoSeed";
import { importRegions } from "../services/regionImport";
import { createUser } from "../services/users";
import { escalateOverdueItems } from "../services/rectification/escalation";
import { addEvidence, readEvidence } from "../services/rectification/evidence";
import { callerAs, codeOf, sessionUser } from "./fixtures";
import { pngWithText } from "./pngFixture";
import { createSeededTestDb, useAsAppDb, type TestDb } from "./testDb";

const COUNTY = "220103"; // 宽城区

/** A form a department demands of villages at `scopeRegionCode`, as its self-check and self-report take it. */
const ownForm = (scopeRegionCode: string, title: string) => ({
  kind: "FORM" as const,
  scopeRegionCode,
  title,
  details: {},
  units: 1,
  occurredOn: new Date(),
});
const QUIET = "220221"; // 永吉县: outside the demo city, no records, no alerts
const DAY = 86_400_000;

/** A month before the demo's twelve, so these records stay out of the demo months' figures. */
function quietMonthDate(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - 2, now.getUTCMonth(), 10));
}

describe("rectification loop", () => {
  let testDb: TestDb;
  let departmentId: string;
  let otherDepartmentId: string;
  let dept: SessionUser;
  let quietDepartmentId: string;
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "rectification-uploads-"));

  beforeAll(async () => {
    process.env.UPLOAD_DIR = path.join(uploads, "reports");
    testDb = await createSeededTestDb();
    useAsAppDb(testDb);
    departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区卫生健康局" } })).id;
    otherDepartmentId = (
      await testDb.db.department.findFirstOrThrow({
        where: { regionCode: COUNTY, id: { not: departmentId } },
        orderBy: { name: "asc" },
      })
    ).id;
    // With a password: the push test signs this account in over a socket.
    await createUser(testDb.db, {
      username: "dept_other",
      name: "另一部门填报员",
      password: DEMO_PASSWORD,
      role: "department",
      regionCode: COUNTY,
      departmentId: otherDepartmentId,
    });
    dept = await sessionUser(testDb.db, "dept");
    // The whole province, so the province's village counts stay right beside the demo city.
    await importRegions(testDb.db, "22");
    const [quiet] = await insertDepartments(testDb.db, [
      { regionCode: QUIET, name: "永吉县卫生健康局", category: "GOVERNMENT" },
    ]);
    quietDepartmentId = quiet!.id;
    const account = (id: string, username: string, name: string, role: string, departmentId: string | null) => ({
      id,
      username,
      name,
      role,
      regionCode: QUIET,
      departmentId,
      email: `${username}@example.invalid`,
    });
    await testDb.db.user.createMany({
      data: [
        account("monitor-yj", "monitor_yj", "永吉县民政局监测员", "monitor", null),
        account("dept-yj", "dept_yj", "永吉县卫生健康局填报员", "department", quietDepartmentId),
      ],
    });
  }, 300_000);
  afterAll(async () => {
    await testDb.cleanup();
    fs.rmSync(uploads, { recursive: true, force: true });
  });

  /** A county's aggregate of one kind in one month, as the metrics read it (stock summed up to the month). */
  async function aggregateOf(regionCode: string, period: number, kind: string) {
    const row = (await findAggregates(testDb.db, [regionCode], [period])).find((r) => r.kind === kind);
    return { records: row?.records ?? 0, units: row?.units ?? 0, violationUnits: row?.violationUnits ?? 0 };
  }

  /** The same figures counted from the records themselves: units times the villages each scope reaches. */
  async function recountAggregate(regionCode: string, period: number, kind: string) {
    const records = await testDb.db.burdenRecord.findMany({
      where: { kind, status: "ACTIVE", scopeRegionCode: { startsWith: regionCode } },
    });
    const counting = records.filter((r) =>
      isStockKind(kind) ? isActiveIn(period, r.period, r.endPeriod) : r.period === period,
    );
    const scopes = await testDb.db.region.findMany({
      where: { code: { in: counting.map((r) => r.scopeRegionCode) } },
    });
    const villages = new Map(scopes.map((g) => [g.code, g.villageCount + g.communityCount]));
    const reached = (r: (typeof counting)[number]) => r.units * villages.get(r.scopeRegionCode)!;
    return {
      records: counting.length,
      units: counting.reduce((sum, r) => sum + reached(r), 0),
      violationUnits: counting.filter((r) => r.isViolation).reduce((sum, r) => sum + reached(r), 0),
    };
  }

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
    // Closed demo items ended their records: one-off demands withdrawn, lasting burdens given an end date.
    const closed = items.filter((i) => i.state === "CLOSED");
    const links = await testDb.db.rectificationLink.findMany({ where: { itemId: { in: closed.map((i) => i.id) } } });
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.openRecordId === null)).toBe(true);
    const records = await testDb.db.burdenRecord.findMany({
      where: { id: { in: links.map((l) => l.recordId) } },
      select: { kind: true, status: true, endedOn: true },
    });
    for (const r of records)
      expect(isStockKind(r.kind) ? r.status === "ACTIVE" && r.endedOn !== null : r.status === "WITHDRAWN").toBe(true);
  });

  /**
   * 永吉县 (吉林市) carries no demo data, so every alert episode there is opened by
   * the test itself: its records are the only ones an episode can reach.
   */
  async function quietCounty() {
    const monitor = await callerAs(testDb.db, "monitor_yj");
    const department = await callerAs(testDb.db, "dept_yj");
    const township = await testDb.db.region.findFirstOrThrow({
      where: { parentCode: QUIET, level: 4 },
      orderBy: { code: "asc" },
    });
    return { monitor, department, township: township.code };
  }

  it("runs the whole cycle: alert → item → evidence → return → resubmit → 销号, and records, aggregates and alert follow", async () => {
    const { monitor, department, township } = await quietCounty();
    expect(await testDb.db.alert.count({ where: { regionCode: QUIET } })).toBe(0);
    const base = {
      departmentId: quietDepartmentId,
      units: 1,
      occurredOn: new Date(),
      kind: "FORM" as const,
      details: {},
    };
    const a = await monitor.record.create({ ...base, scopeRegionCode: QUIET, title: "村级文明创建台账" });
    const b = await monitor.record.create({ ...base, scopeRegionCode: township, title: "村级人居环境整治台账" });
    expect(a.isViolation && b.isViolation).toBe(true);
    const period = a.period;
    await evaluateRegions(testDb.db, [QUIET], period);
    const alert = await testDb.db.alert.findFirstOrThrow({ where: { ruleKey: "VIOLATION_FORM", regionCode: QUIET } });
    expect(alert).toMatchObject({ state: "FIRING", period, lastPeriod: period });
    const before = await aggregateOf(QUIET, period, "FORM");
    expect(before).toEqual(await recountAggregate(QUIET, period, "FORM"));
    expect(before.violationUnits).toBeGreaterThan(0);

    const [item, ...others] = await monitor.rectification.createFromAlert({ alertId: alert.id });
    expect(others).toEqual([]);
    expect(item).toMatchObject({
      state: "OPEN",
      departmentId: quietDepartmentId,
      clause: 3,
      action: "WITHDRAW",
      alertId: alert.id,
      source: "ALERT",
    });
    expect(item!.title).toContain("2 项违规填报表格");
    expect(item!.deadline.getTime()).toBeGreaterThan(Date.now() + 14 * DAY);
    const listed = await monitor.rectification.get({ id: item!.id });
    expect(listed.records.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());

    // The department sees it, cannot submit without evidence.
    const mine = await department.rectification.list({ regionCode: QUIET });
    expect(mine.map((i) => i.id)).toEqual([item!.id]);
    expect(await codeOf(department.rectification.submit({ id: item!.id, measures: "已撤回两张表格" }))).toBe(
      "BAD_REQUEST",
    );
    const deptUser = await sessionUser(testDb.db, "dept_yj");
    const evidence = await addEvidence(testDb.db, deptUser, item!.id, pngWithText("GPS 43.9N 125.3E"), "撤回通知.png");
    const stored = await readEvidence(testDb.db, deptUser, evidence.id);
    expect(stored.type).toBe("image/png");
    expect(Buffer.from(stored.bytes).includes("GPS")).toBe(false);
    await expect(addEvidence(testDb.db, deptUser, item!.id, Buffer.from("GIF89a....."), "x.gif")).rejects.toThrow(
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
    await addEvidence(testDb.db, deptUser, item!.id, pngWithText("second", 90), "撤回通知（含文号）.png");
    await department.rectification.submit({ id: item!.id, measures: "补充撤回通知文号：永卫发〔2026〕12号" });

    const accepted = await monitor.rectification.accept({ id: item!.id, note: "材料齐全" });
    expect(accepted.state).toBe("CLOSED");
    expect(accepted.effects).toMatchObject({ endedRecords: [], failedRecords: [], alertResolved: true });
    expect(accepted.effects.withdrawnRecords.sort()).toEqual([a.id, b.id].sort());

    const records = await testDb.db.burdenRecord.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(records.map((r) => r.status)).toEqual(["WITHDRAWN", "WITHDRAWN"]);
    const after = await aggregateOf(QUIET, period, "FORM");
    expect(after).toEqual(await recountAggregate(QUIET, period, "FORM"));
    expect(after).toEqual({ records: 0, units: 0, violationUnits: 0 });
    expect(await aggregateOf(township, period, "FORM")).toEqual({ records: 0, units: 0, violationUnits: 0 });

    // The withdrawal evaluated the month: the episode resolved, and stays resolved on the next evaluation.
    await evaluateRegions(testDb.db, [QUIET], period);
    const episode = await testDb.db.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(episode.state).toBe("RESOLVED");
    expect(await testDb.db.alert.count({ where: { ruleKey: "VIOLATION_FORM", regionCode: QUIET } })).toBe(1);
    const human = await testDb.db.alertHumanState.findUniqueOrThrow({ where: { alertId: alert.id } });
    expect(human.rectificationNote).toContain(item!.id);
    expect(human.resolvedAt).not.toBeNull();

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

    const stats = await monitor.rectification.stats({ regionCode: QUIET });
    expect(stats.departments.find((d) => d.key === quietDepartmentId)).toMatchObject({
      total: 1,
      closed: 1,
      rectificationRate: 1,
    });
  });

  it("ends a dissolved work group on the acceptance date, so its stock drops from the next month, and withdraws a form", async () => {
    const { monitor, department } = await quietCounty();
    const today = new Date();
    const started = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 5));
    const group = await monitor.record.create({
      departmentId: quietDepartmentId,
      scopeRegionCode: QUIET,
      units: 1,
      occurredOn: started,
      kind: "WORK_GROUP",
      title: "永吉县卫生健康村级信息报送群",
      details: { platform: "微信" },
    });
    const form = await monitor.record.create({
      departmentId: quietDepartmentId,
      scopeRegionCode: QUIET,
      units: 1,
      occurredOn: today,
      kind: "FORM",
      title: "村级卫生健康信息报送表",
      details: {},
    });
    expect(group.isViolation && form.isViolation).toBe(true);
    const months = [group.period, nextPeriod(group.period), form.period, nextPeriod(form.period)];
    const [item] = await monitor.rectification.createFromRecords({
      recordIds: [group.id, form.id],
      options: { action: "DISSOLVE" },
    });
    await addEvidence(
      testDb.db,
      await sessionUser(testDb.db, "dept_yj"),
      item!.id,
      pngWithText("群已解散"),
      "解散.png",
    );
    await department.rectification.submit({ id: item!.id, measures: "已解散信息报送群，停止下发报送表" });
    const stockBefore = await Promise.all(months.map((p) => aggregateOf(QUIET, p, "WORK_GROUP")));
    expect(stockBefore.every((s) => s.records === 1)).toBe(true);

    const accepted = await monitor.rectification.accept({ id: item!.id });
    expect(accepted.effects).toMatchObject({
      withdrawnRecords: [form.id],
      endedRecords: [group.id],
      failedRecords: [],
    });
    const [ended, withdrawn] = await Promise.all([
      testDb.db.burdenRecord.findUniqueOrThrow({ where: { id: group.id } }),
      testDb.db.burdenRecord.findUniqueOrThrow({ where: { id: form.id } }),
    ]);
    // The group stays on the books up to the month it was dissolved in; the one-off form is gone.
    expect(ended).toMatchObject({ status: "ACTIVE", endPeriod: nextPeriod(form.period) });
    expect(ended.endedOn!.getTime()).toBe(accepted.closedAt!.getTime());
    expect(withdrawn.status).toBe("WITHDRAWN");
    for (const p of months) {
      expect(await aggregateOf(QUIET, p, "WORK_GROUP")).toEqual(await recountAggregate(QUIET, p, "WORK_GROUP"));
      expect(await aggregateOf(QUIET, p, "FORM")).toEqual(await recountAggregate(QUIET, p, "FORM"));
    }
    expect((await aggregateOf(QUIET, form.period, "WORK_GROUP")).records).toBe(1);
    expect((await aggregateOf(QUIET, group.period, "WORK_GROUP")).records).toBe(1);
    expect(await aggregateOf(QUIET, nextPeriod(form.period), "WORK_GROUP")).toEqual({
      records: 0,
      units: 0,
      violationUnits: 0,
    });
    expect((await aggregateOf(QUIET, form.period, "FORM")).records).toBe(0);
    // Through the same end path as record.end: audited and a revision with the reason.
    const history = await monitor.record.history({ id: group.id });
    expect(history.revisions[0]!.reason).toContain("整改销号");
    expect(
      await testDb.db.auditLog.count({ where: { entityId: group.id, action: "END", actorId: "monitor-yj" } }),
    ).toBe(1);
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
    // Nor read the department's evidence: another department and another county are told it does not exist.
    const photo = await addEvidence(testDb.db, dept, own.id, pngWithText("own"), "own.png");
    await expect(readEvidence(testDb.db, otherUser, photo.id)).rejects.toThrow("不存在");
    await expect(readEvidence(testDb.db, await sessionUser(testDb.db, "monitor_cy"), photo.id)).rejects.toThrow(
      "不存在",
    );
    expect((await readEvidence(testDb.db, await sessionUser(testDb.db, "monitor_kc"), photo.id)).type).toBe(
      "image/png",
    );
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

  it("pushes each step to the responsible department and the region's monitors, never to another department or county", async () => {
    const server = createServer();
    attachRealtime(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const sockets: Socket[] = [];
    const listen = async (username: string) => {
      const response = await getAuth().api.signInUsername({
        body: { username, password: DEMO_PASSWORD },
        asResponse: true,
      });
      const cookie = response.headers.get("set-cookie")!.split(";")[0]!;
      const socket = connect(url, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie } });
      sockets.push(socket);
      const seen: RectificationEventMessage[] = [];
      socket.on("rectification:changed", (e: RectificationEventMessage) => seen.push(e));
      await new Promise<void>((resolve, reject) => {
        socket.once("session:ready", () => resolve());
        socket.once("connect_error", reject);
      });
      return seen;
    };
    const waitFor = async (check: () => boolean) => {
      const started = Date.now();
      while (!check() && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 10));
      return check();
    };
    try {
      const [own, other, county, city, chaoyang] = await Promise.all(
        ["dept", "dept_other", "monitor_kc", "monitor", "monitor_cy"].map(listen),
      );
      const [a] = await twoViolatingForms("丁");
      const [item] = await (await callerAs(testDb.db, "monitor_kc")).rectification.createFromRecords({
        recordIds: [a!.id],
      });
      await addEvidence(testDb.db, dept, item!.id, pngWithText("notice"), "通知.png");
      await (await callerAs(testDb.db, "dept")).rectification.submit({ id: item!.id, measures: "已撤回该表格" });
      const steps = (seen: RectificationEventMessage[]) => seen.filter((e) => e.itemId === item!.id).map((e) => e.type);
      for (const seen of [own!, county!, city!]) expect(await waitFor(() => steps(seen!).length >= 2)).toBe(true);
      // The events above were delivered; anything meant for the others would have arrived with them.
      await new Promise((r) => setTimeout(r, 300));
      expect(steps(other!)).toEqual([]);
      expect(steps(chaoyang!)).toEqual([]);
      // Each step once, though the department's socket sits in the county room as well.
      for (const seen of [own!, county!, city!]) expect(steps(seen!)).toEqual(["CREATED", "SUBMITTED"]);
    } finally {
      for (const socket of sockets) socket.disconnect();
      await closeRealtime();
      await new Promise((resolve) => server.close(resolve));
    }
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

    const check = await department.department.selfCheck(ownForm(COUNTY, "自拟村级卫生台账"));
    expect(check.isViolation).toBe(true);
    expect(check.violations[0]).toMatchObject({ clause: 3 });
    expect(await codeOf(department.department.selfCheck(ownForm("220104", "越界")))).toBe("BAD_REQUEST");
    const saved = await department.department.selfReport(ownForm(COUNTY, "自拟村级卫生台账"));
    expect(saved).toMatchObject({ departmentId, isViolation: true, source: "SELF_REPORT" });
    const year = Math.floor(saved.period / 100) * 100;
    const ownForms = await testDb.db.burdenRecord.count({
      where: {
        departmentId,
        kind: "FORM",
        source: "SELF_REPORT",
        status: "ACTIVE",
        period: { gt: year, lte: year + 12 },
      },
    });
    expect(ownForms).toBeGreaterThan(0);
    const after = await department.department.workspace();
    expect(after.thisYear.find((k) => k.kind === "FORM")!.selfReported).toBe(ownForms);
    expect(ws.thisYear.find((k) => k.kind === "FORM")!.selfReported).toBe(ownForms - 1);
    // Monitors tell a department's own report from their own findings: in the list and in the audit log.
    const monitor = await callerAs(testDb.db, "monitor_kc");
    const selfReported = await monitor.record.list({ regionCode: COUNTY, source: "SELF_REPORT" });
    expect(selfReported.items.map((r) => r.id)).toEqual([saved.id]);
    const entered = await monitor.record.list({ regionCode: COUNTY, source: "MANUAL", pageSize: 200 });
    expect(entered.items.length).toBeGreaterThan(0);
    expect(entered.items.map((r) => r.id)).not.toContain(saved.id);
    expect(await codeOf(monitor.record.list({ regionCode: COUNTY, source: "自报" as "SELF_REPORT" }))).toBe(
      "BAD_REQUEST",
    );
    const { items: audit } = await monitor.audit.list({ regionCode: COUNTY, entity: "BurdenRecord", action: "CREATE" });
    const created = audit.find((e) => e.entityId === saved.id)!;
    expect(created.changes).toContainEqual(expect.objectContaining({ label: "来源", after: "部门自报" }));
  });
});
