// @providers: sqlite, postgresql covers db/alertRepository.ts — event sequence, replay, rule prefixes
// Alerts over real sockets: raised on write, pushed only inside jurisdiction,
// acknowledged without being overwritten, reopened past the ceiling,
// escalated with a controllable clock, replayed exactly once after reconnects.
import { beforeAll, describe, expect, it } from "vitest";
import { runEscalation } from "../services/alerts/alertActions";
import { callerAs, demoSessionCookie } from "./fixtures";
import { useRealtimeServer } from "./realtimeServer";
import { createSeededTestDb, useAsAppDb, useTestDb } from "./testDb";

interface EventMessage {
  seq: number;
  type: string;
  alertId: string;
  regionCode: string;
  payload: { alert: { ruleKey: string; acknowledged: boolean; value: number; state: string } };
}

describe("alerts pushed live to inspectors", () => {
  const testDb = useTestDb(createSeededTestDb);
  const realtime = useRealtimeServer();
  let departmentId: string;

  async function inspector(username: string) {
    const seen: EventMessage[] = [];
    const socket = await realtime.connect(await demoSessionCookie(username), (s) => {
      s.on("alerts:event", (e: EventMessage) => seen.push(e));
      s.on("alerts:replayed", (e: EventMessage) => seen.push(e));
    });
    return { socket, seen };
  }
  // Latency is measured by `npm run bench`; here a generous bound only keeps a lost event from hanging the test.
  const waitFor = async (check: () => boolean, ms = 15_000) => {
    const started = Date.now();
    while (!check()) {
      if (Date.now() - started > ms) return false;
      await new Promise((r) => setTimeout(r, 10));
    }
    return true;
  };
  const screenshotDemand = async (scope = "220103", units = 1) =>
    (await callerAs(testDb.db, "monitor_kc")).record.create({
      kind: "PROOF_DEMAND",
      title: "每日上传巡查截图",
      departmentId,
      scopeRegionCode: scope,
      units,
      occurredOn: new Date(),
      details: { proof: "截图" },
    });

  beforeAll(async () => {
    useAsAppDb(testDb);
    departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区应急管理局" } })).id;
  });

  it("a screenshot demand raises the clause-3 alert; the county's inspector sees it live, another county's never", async () => {
    const kc = await inspector("inspector");
    const cy = await inspector("monitor_cy");
    await screenshotDemand();
    // Alerts are episodes: the demand opens one, or is a 新增违规 event on the episode already open.
    const arrived = await waitFor(() =>
      kc.seen.some(
        (e) =>
          e.payload.alert.ruleKey === "VIOLATION_PROOF_DEMAND" && (e.type === "FIRING" || e.type === "NEW_VIOLATION"),
      ),
    );
    expect(arrived).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(cy.seen).toEqual([]);
    const seqs = kc.seen.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(kc.seen.every((e) => e.regionCode.startsWith("220103"))).toBe(true);
  });

  it("an acknowledgement survives re-evaluation; rising past the ceiling reopens the alert", async () => {
    const api = await callerAs(testDb.db, "inspector");
    const { alerts } = await api.alert.list({ regionCode: "220103", states: ["FIRING"] });
    const alert = alerts.find((a) => a.ruleKey === "VIOLATION_PROOF_DEMAND")!;
    await api.alert.acknowledge({ id: alert.id, reason: "已责成应急管理局停止截图要求", ceilingMargin: 500 });
    await api.alert.note({ id: alert.id, body: "下周复查" });

    await screenshotDemand("220103002", 1); // a township: +8 村次, below the ceiling
    let current = (await api.alert.list({ regionCode: "220103" })).alerts.find((a) => a.id === alert.id)!;
    expect(current.value).toBeGreaterThan(alert.value);
    expect(current.acknowledged).toBe(true);
    expect(current.ackReason).toBe("已责成应急管理局停止截图要求");
    const detail = await api.alert.get({ id: alert.id });
    expect(detail.notes.map((n) => n.body)).toEqual(["下周复查"]);

    const kc = await inspector("inspector");
    await screenshotDemand("220103", 4); // 4 × 173 村次 passes acked value + 500
    expect(await waitFor(() => kc.seen.some((e) => e.alertId === alert.id && e.type === "REOPENED"))).toBe(true);
    current = (await api.alert.list({ regionCode: "220103" })).alerts.find((a) => a.id === alert.id)!;
    expect(current.acknowledged).toBe(false);
    expect(detail.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["FIRING", "ACKNOWLEDGED", "NOTE", "VALUE_CHANGED"]),
    );
  });

  it("an unacknowledged alert escalates to the parent region after its limit, once", async () => {
    const city = await inspector("monitor");
    const { alerts } = await (await callerAs(testDb.db, "monitor")).alert.list({
      regionCode: "2201",
      states: ["FIRING"],
    });
    const target = alerts.find((a) => !a.acknowledged && a.severity === "CRITICAL")!;
    expect(await runEscalation(testDb.db, new Date(Date.now() + 30 * 60_000))).toEqual([]);
    const escalated = await runEscalation(testDb.db, new Date(Date.now() + 61 * 60_000));
    expect(escalated.map((e) => e.alertId)).toContain(target.id);
    const payload = escalated.find((e) => e.alertId === target.id)!.payload as {
      escalatedTo: string;
      alert: { escalationLevel: number };
    };
    expect(payload.escalatedTo).toBe("2201");
    // The event carries the alert as escalated, not as it was read before.
    expect(payload.alert.escalationLevel).toBe(1);
    expect(await waitFor(() => city.seen.some((e) => e.type === "ESCALATED" && e.alertId === target.id))).toBe(true);
    expect(await runEscalation(testDb.db, new Date(Date.now() + 120 * 60_000))).toEqual([]);
  });

  it("a client that reconnects replays what it missed, in order, exactly once, only inside its jurisdiction", async () => {
    const first = await inspector("inspector");
    await screenshotDemand("220103005", 1);
    await waitFor(() => first.seen.length > 0);
    const lastSeen = Math.max(...first.seen.map((e) => e.seq));
    first.socket.disconnect();
    await screenshotDemand("220103006", 1);
    await screenshotDemand("220103007", 1);

    const again = await inspector("inspector");
    const reply = await again.socket.emitWithAck("alerts:replay", { afterSeq: lastSeen });
    expect(reply.replayed).toBeGreaterThan(0);
    const replayed = again.seen.filter((e) => e.seq > lastSeen);
    expect(replayed.map((e) => e.seq)).toEqual([...new Set(replayed.map((e) => e.seq))].sort((a, b) => a - b));
    const stored = await testDb.db.alertEvent.findMany({
      where: { seq: { gt: lastSeen }, regionCode: { startsWith: "220103" } },
      orderBy: { seq: "asc" },
    });
    expect(replayed.map((e) => e.seq)).toEqual(stored.map((e) => e.seq));

    const other = await inspector("monitor_cy");
    await other.socket.emitWithAck("alerts:replay", { afterSeq: 0 });
    expect(other.seen.every((e) => e.regionCode.startsWith("220104"))).toBe(true);
    expect(await other.socket.emitWithAck("alerts:replay", { afterSeq: -1 })).toEqual({
      error: "参数有误：afterSeq 和 loadedAt 应为非负整数",
    });
  });

  it("a published exposure case is pushed live to the covered region's inspectors after a second person approves", async () => {
    const kc = await inspector("inspector");
    const cy = await inspector("monitor_cy");
    const changes: unknown[] = [];
    const elsewhere: unknown[] = [];
    kc.socket.on("exposure:changed", (e) => changes.push(e));
    cy.socket.on("exposure:changed", (e) => elsewhere.push(e));
    const drafter = await callerAs(testDb.db, "monitor_kc");
    const draft = await drafter.exposure.create({
      regionCode: "220103",
      departmentId,
      title: "要求村干部每日上传巡查截图",
      demanded: "宽城区应急管理局要求各村每日在工作群上传巡查截图",
      clause: 3,
      rectification: "立即停止截图留痕要求",
      deadline: new Date(Date.now() + 30 * 86400_000),
    });
    await drafter.exposure.move({ id: draft.id, step: "submit" });
    await expect(drafter.exposure.move({ id: draft.id, step: "publish" })).rejects.toThrow(
      "发布须由起草人以外的人员审批",
    );
    const inspectorApi = await callerAs(testDb.db, "inspector");
    expect(await inspectorApi.exposure.list({ regionCode: "220103" })).toEqual([]);
    await (await callerAs(testDb.db, "monitor")).exposure.move({ id: draft.id, step: "publish" });
    expect(await waitFor(() => changes.length > 0)).toBe(true);
    const published = await inspectorApi.exposure.list({ regionCode: "220103" });
    expect(published.map((c) => c.title)).toEqual(["要求村干部每日上传巡查截图"]);
    expect(published[0]!.stateName).toBe("已发布");
    await new Promise((r) => setTimeout(r, 200));
    expect(elsewhere).toEqual([]);
  });

  it("a monitoring point that filed nothing in a month raises the silence rule; one that reported does not", async () => {
    const { evaluateSilentPoints } = await import("../services/alerts/alertEvaluation");
    const points = await testDb.db.monitoringPoint.findMany({ orderBy: { regionCode: "asc" } });
    expect(points.length).toBe(2);
    const events = await evaluateSilentPoints(testDb.db, 202510);
    expect(
      events
        .filter((e) => e.type === "FIRING")
        .map((e) => e.regionCode)
        .sort(),
    ).toEqual(points.map((p) => p.regionCode).sort());
    expect(await evaluateSilentPoints(testDb.db, 202510)).toEqual([]);
  });

  it("silences need an expiry, report the regions they hide, and mark the alerts they cover", async () => {
    const api = await callerAs(testDb.db, "inspector");
    await expect(
      api.alert.silence({
        regionCode: "220103",
        ruleKey: "VIOLATION_FORM",
        reason: "专项整治期间集中处理",
        expiresAt: new Date(Date.now() - 1000),
      }),
    ).rejects.toThrow("静默须设置晚于当前时间的截止时间");
    const { regionsHidden } = await api.alert.silence({
      regionCode: "220103",
      ruleKey: "VIOLATION_FORM",
      reason: "专项整治期间集中处理",
      expiresAt: new Date(Date.now() + 86400_000),
    });
    expect(regionsHidden).toBe(1 + 15 + 173);
    const silences = await api.alert.silences({ regionCode: "220103" });
    expect(silences[0]).toMatchObject({ regionsHidden: 189, ruleKey: "VIOLATION_FORM" });
    const { alerts } = await api.alert.list({ regionCode: "220103" });
    expect(alerts.filter((a) => a.ruleKey === "VIOLATION_FORM").every((a) => a.silenced)).toBe(true);
    expect(alerts.filter((a) => a.ruleKey !== "VIOLATION_FORM").every((a) => !a.silenced)).toBe(true);
  });
});
