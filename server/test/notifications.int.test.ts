// @providers: sqlite, postgresql covers db/notificationRepository.ts — outbox claims, a killed sender
// Alerts that reach people away from the browser: real local receivers for
// 企业微信, 钉钉 (signature checked as 钉钉 does), a signed webhook and SMTP;
// retries, dead letters, grouping, repeats, silences, quiet hours and a
// process killed between the alert and its delivery.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../domain/actor";
import { insertEvent } from "../db/alertRepository";
import { createPrismaClient } from "../db/client";
import { MAX_ATTEMPTS } from "../domain/notifications";
import { listChannels, saveContactPoint, savePolicy, testContactPoint } from "../services/notifications/channels";
import { runNotificationTurn } from "../services/notifications/dispatcher";
import { saveMyPreferences } from "../services/notifications/preferences";
import { mailSubject, startReceivers } from "./receivers";
import { createTwoCounties } from "./fixtures";
import { createTestDb, type TestDb } from "./testDb";

const SECRETS = { dingtalk: "SEC0123456789abcdef-dingtalk", webhook: "whsec-0123456789abcdef" };
const monitor: SessionUser = {
  id: "u-monitor",
  username: "m",
  name: "长春监测员",
  role: "monitor",
  regionCode: "2201",
  departmentId: null,
};
const inspector: SessionUser = {
  id: "u-inspector",
  username: "i",
  name: "宽城督查员",
  role: "inspector",
  regionCode: "220103",
  departmentId: null,
};

describe("notification channels", () => {
  let testDb: TestDb;
  let receivers: Awaited<ReturnType<typeof startReceivers>>;
  /** What the local receivers got on one path. */
  const sentTo = (path: string) => receivers.received.filter((r) => r.path === path);
  let ruleIds: Record<string, string>;
  let clock = Date.parse("2026-11-29T02:00:00Z"); // 10:00 in China
  const now = () => new Date(clock);
  const turn = (extra: object = {}) =>
    runNotificationTurn(testDb.db, {
      now: now(),
      publicUrl: "http://burden.example",
      smtp: { url: receivers.smtpUrl, from: "减负监测 <monitor@burden.example>" },
      retryBaseMs: 1000,
      ...extra,
    });
  /** A turn once this much simulated time has passed. */
  const turnAfter = (ms: number) => {
    clock += ms;
    return turn();
  };
  let serial = 0;

  /** An alert raised the way evaluation raises one: alert row, then its event, in one transaction. */
  async function raise(regionCode: string, ruleKey: string, severity = "CRITICAL", type = "FIRING") {
    serial += 1;
    return testDb.db.$transaction(async (tx) => {
      const alert = await tx.alert.create({
        data: {
          dedupKey: `${ruleKey}@${regionCode}@${serial}`,
          ruleKey,
          ruleId: ruleIds[ruleKey]!,
          regionCode,
          period: 202611,
          severity,
          state: "FIRING",
          value: 7 + serial,
          threshold: 4,
          summary: `宽城区 2026年11月：测试预警 ${serial}`,
          firingAt: now(),
        },
      });
      await insertEvent(tx, { alertId: alert.id, regionCode, type, payload: { value: alert.value } });
      return alert;
    });
  }

  async function channel(
    kind: "WECOM" | "DINGTALK" | "EMAIL" | "WEBHOOK",
    target: string,
    secret: string | null,
    policy: Partial<{
      severities: string[];
      ruleTypes: string[];
      groupWaitSec: number;
      groupIntervalSec: number;
      repeatIntervalSec: number;
      regionCode: string;
    }> = {},
  ) {
    const contact = await saveContactPoint(testDb.db, monitor, {
      regionCode: "2201",
      name: `${kind}-${target}`,
      kind,
      target,
      secret,
      enabled: true,
    });
    await savePolicy(testDb.db, monitor, {
      regionCode: "2201",
      contactPointId: contact.id,
      severities: ["WARNING", "CRITICAL"],
      ruleTypes: [],
      groupWaitSec: 0,
      groupIntervalSec: 0,
      repeatIntervalSec: 0,
      enabled: true,
      ...policy,
    });
    return contact;
  }

  async function disableAll() {
    await testDb.db.contactPoint.updateMany({ data: { enabled: false } });
  }

  beforeAll(async () => {
    // The local receivers listen on loopback, which channels reach only when it is listed.
    process.env.CHANNEL_ALLOWED_HOSTS = "127.0.0.1";
    testDb = await createTestDb();
    receivers = await startReceivers(SECRETS);
    await createTwoCounties(testDb.db);
    const rule = (ruleKey: string, name: string, type: string) =>
      testDb.db.rule.create({
        data: { ruleKey: `${ruleKey}@`, regionCode: "", name, type, appliesToLevel: 3, severity: "CRITICAL" },
      });
    ruleIds = {
      VIOLATION_FORM: (await rule("VIOLATION_FORM", "填报表格违规即报", "VIOLATION")).id,
      LEVEL_FORM: (await rule("LEVEL_FORM", "村均填报表格超过阈值", "LEVEL")).id,
    };
  });
  afterAll(async () => {
    delete process.env.CHANNEL_ALLOWED_HOSTS;
    await receivers?.close();
    await testDb?.cleanup();
  });

  it("an alert reaches 企业微信, 钉钉 (signed), a signed webhook and e-mail, in Chinese with region, rule, value and link", async () => {
    await channel("WECOM", `${receivers.base}/wecom`, null);
    await channel("DINGTALK", `${receivers.base}/dingtalk?access_token=abc`, SECRETS.dingtalk);
    await channel("WEBHOOK", `${receivers.base}/webhook`, SECRETS.webhook);
    await channel("EMAIL", "duchayuan@burden.example", null);
    const alert = await raise("220103", "VIOLATION_FORM");
    const result = await turn();
    expect(result).toMatchObject({ expanded: 1, sent: 4, failed: 0, dead: 0 });
    expect(receivers.rejected).toEqual([]);

    const wecom = receivers.received.find((r) => r.path === "/wecom")!;
    expect(wecom.body.msgtype).toBe("markdown");
    expect(wecom.body.markdown.content).toContain("宽城区");
    expect(wecom.body.markdown.content).toContain("填报表格违规即报");
    expect(wecom.body.markdown.content).toContain(`数值 ${alert.value}`);
    expect(wecom.body.markdown.content).toContain(`http://burden.example/alerts?alert=${alert.id}`);
    const ding = receivers.received.find((r) => r.path === "/dingtalk")!;
    expect(ding.body.markdown.title).toContain("严重");
    const hook = receivers.received.find((r) => r.path === "/webhook")!;
    expect(hook.body.alerts).toHaveLength(1);
    expect(hook.body.alerts[0]).toMatchObject({
      id: alert.id,
      regionName: "宽城区",
      severity: "CRITICAL",
      ruleType: "VIOLATION",
    });
    expect(hook.headers["idempotency-key"]).toBe(hook.body.idempotencyKey);
    expect(receivers.mails).toHaveLength(1);
    expect(receivers.mails[0]!.to).toBe("duchayuan@burden.example");
    expect(mailSubject(receivers.mails[0]!.raw)).toBe("【减负监测·严重】宽城区：填报表格违规即报");
    expect(receivers.mails[0]!.raw).toMatch(/X-Idempotency-Key: \w+/);

    // Delivered means delivered: the next turn sends nothing again.
    expect(await turn()).toMatchObject({ expanded: 0, sent: 0 });
    await disableAll();
  });

  it("a wrong 钉钉 secret or webhook key is refused by the receiver, retried, and shown as the error", async () => {
    const ding = await channel("DINGTALK", `${receivers.base}/dingtalk-wrong`, "not-the-secret");
    await raise("220103", "VIOLATION_FORM");
    expect(await turn()).toMatchObject({ sent: 0, failed: 1 });
    const { messages } = await listChannels(testDb.db, "2201");
    const failed = messages.find((m) => m.contactPointId === ding.id)!;
    expect(failed.status).toBe("PENDING");
    expect(failed.lastError).toContain("310000");
    await disableAll();
  });

  it("a receiver that fails twice then succeeds gets the message exactly once, after backoff", async () => {
    await channel("WEBHOOK", `${receivers.base}/webhook-flaky`, SECRETS.webhook);
    receivers.failNext("/webhook-flaky", 2);
    await raise("220103", "VIOLATION_FORM");
    expect(await turn()).toMatchObject({ failed: 1 });
    expect(await turn()).toMatchObject({ sent: 0, failed: 0 }); // backoff: not yet due
    expect(await turnAfter(1000)).toMatchObject({ failed: 1 });
    expect(await turnAfter(1000)).toMatchObject({ sent: 0, failed: 0 }); // second backoff is 2 s
    expect(await turnAfter(1000)).toMatchObject({ sent: 1 });
    expect(await turnAfter(60_000)).toMatchObject({ sent: 0, failed: 0 });
    const got = sentTo("/webhook-flaky");
    expect(got).toHaveLength(1);
    expect(receivers.rejected.filter((r) => r.path === "/webhook-flaky")).toHaveLength(2);
    // The three attempts carried one idempotency key, so a receiver could drop a duplicate.
    expect(
      new Set(receivers.rejected.filter((r) => r.path === "/webhook-flaky").map((r) => r.headers["idempotency-key"])),
    ).toEqual(new Set([got[0]!.headers["idempotency-key"]]));
    await disableAll();
  });

  it(`after ${MAX_ATTEMPTS} failures a message becomes a dead letter`, async () => {
    const dead = await channel("WEBHOOK", `${receivers.base}/webhook-down`, SECRETS.webhook);
    receivers.failNext("/webhook-down", 100);
    await raise("220103", "VIOLATION_FORM");
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await turn();
      clock += 10 * 60_000;
    }
    const { messages } = await listChannels(testDb.db, "2201");
    const message = messages.find((m) => m.contactPointId === dead.id)!;
    expect(message.status).toBe("DEAD");
    expect(message.attempts).toBe(MAX_ATTEMPTS);
    expect(receivers.rejected.filter((r) => r.path === "/webhook-down")).toHaveLength(MAX_ATTEMPTS);
    await disableAll();
  });

  it("ten alerts raised within the group wait arrive as one message listing all ten", async () => {
    await channel("WECOM", `${receivers.base}/wecom-group`, null, { groupWaitSec: 30, groupIntervalSec: 300 });
    for (let i = 0; i < 10; i++) {
      await raise("220103", "VIOLATION_FORM");
      await turnAfter(2000);
    }
    expect(sentTo("/wecom-group")).toHaveLength(0);
    await turnAfter(15_000);
    const got = sentTo("/wecom-group");
    expect(got).toHaveLength(1);
    expect(got[0]!.body.markdown.content).toContain("10 条预警");
    expect(got[0]!.body.markdown.content.match(/查看预警/g)).toHaveLength(10);

    // The next alert waits for the group interval after that message, not just the group wait.
    await raise("220103", "VIOLATION_FORM");
    await turnAfter(60_000);
    expect(sentTo("/wecom-group")).toHaveLength(1);
    await turnAfter(300_000);
    expect(sentTo("/wecom-group")).toHaveLength(2);
    await disableAll();
  });

  it("policies pick severities and rule kinds; a silence also silences the channels", async () => {
    await channel("WEBHOOK", `${receivers.base}/webhook-level`, SECRETS.webhook, {
      ruleTypes: ["LEVEL"],
      severities: ["CRITICAL"],
    });
    await raise("220103", "VIOLATION_FORM"); // another kind
    await raise("220103", "LEVEL_FORM", "WARNING"); // another severity
    await testDb.db.silence.create({
      data: {
        regionCode: "220104",
        ruleKey: null,
        reason: "数据核对中",
        createdById: monitor.id,
        expiresAt: new Date(clock + 3600_000),
        startsAt: new Date(clock - 1000),
      },
    });
    await raise("220104", "LEVEL_FORM"); // silenced region
    const wanted = await raise("220103", "LEVEL_FORM");
    await turn();
    const got = sentTo("/webhook-level");
    expect(got).toHaveLength(1);
    expect(got[0]!.body.alerts.map((a: { id: string }) => a.id)).toEqual([wanted.id]);
    await disableAll();
  });

  it("a firing alert nobody acknowledges is repeated after the repeat interval; an acknowledged one is not", async () => {
    await channel("WEBHOOK", `${receivers.base}/webhook-repeat`, SECRETS.webhook, {
      repeatIntervalSec: 3600,
      regionCode: "220104",
    });
    await testDb.db.silence.deleteMany();
    const open = await raise("220104", "VIOLATION_FORM");
    const acked = await raise("220104", "VIOLATION_FORM");
    await turn();
    expect(sentTo("/webhook-repeat")).toHaveLength(1);
    await testDb.db.alertHumanState.create({
      data: { alertId: acked.id, ackedAt: now(), ackedById: inspector.id, ackReason: "已责成整改" },
    });
    await turnAfter(3601_000);
    const got = sentTo("/webhook-repeat");
    expect(got).toHaveLength(2);
    expect(got[1]!.body.alerts.map((a: { id: string; eventName: string }) => [a.id, a.eventName])).toEqual([
      [open.id, "仍未签收"],
    ]);
    await testDb.db.alert.updateMany({ where: { regionCode: "220104" }, data: { state: "RESOLVED" } });
    await disableAll();
  });

  it("an inspector's own e-mail gets INFO alerts only after their quiet hours", async () => {
    await saveMyPreferences(testDb.db, inspector, {
      email: "me@burden.example",
      enabled: true,
      severities: ["INFO", "CRITICAL"],
      quietStart: 22 * 60,
      quietEnd: 7 * 60,
    });
    clock = Date.parse("2026-11-29T15:00:00Z"); // 23:00 in China
    const before = receivers.mails.length;
    await raise("220103", "LEVEL_FORM", "INFO");
    await turn();
    await turnAfter(60_000);
    expect(receivers.mails.length).toBe(before);
    clock = Date.parse("2026-11-29T23:00:30Z"); // 07:00:30 next morning
    await turn();
    expect(receivers.mails.length).toBe(before + 1);
    expect(receivers.mails.at(-1)!.to).toBe("me@burden.example");
    await disableAll();
  });

  it("secrets are stored encrypted and never returned; 测试发送 reports what the receiver said", async () => {
    const ding = await channel("DINGTALK", `${receivers.base}/dingtalk-test`, SECRETS.dingtalk);
    const stored = await testDb.db.contactPoint.findUniqueOrThrow({ where: { id: ding.id } });
    expect(stored.secretCipher).toBeTruthy();
    expect(stored.secretCipher).not.toContain(SECRETS.dingtalk);
    const listed = (await listChannels(testDb.db, "2201")).contactPoints.find((c) => c.id === ding.id)!;
    expect(JSON.stringify(listed)).not.toContain(SECRETS.dingtalk);
    expect(listed).toMatchObject({ hasSecret: true });
    expect("secretCipher" in listed).toBe(false);
    expect(await testContactPoint(testDb.db, monitor, ding.id, { now: new Date() })).toEqual({ ok: true, error: null });
    expect(receivers.received.at(-1)!.body.markdown.text).toContain("测试消息");

    const wrong = await saveContactPoint(testDb.db, monitor, {
      regionCode: "2201",
      name: "签名错误",
      kind: "DINGTALK",
      target: `${receivers.base}/dingtalk-test`,
      secret: "wrong",
      enabled: true,
    });
    const outcome = await testContactPoint(testDb.db, monitor, wrong.id, { now: new Date() });
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toContain("sign not match");
    const hook = { regionCode: "2201", name: "x", kind: "WEBHOOK", secret: null, enabled: true } as const;
    await expect(saveContactPoint(testDb.db, monitor, { ...hook, target: "ftp://x" })).rejects.toThrow(
      "http:// 或 https://",
    );
    await expect(saveContactPoint(testDb.db, inspector, { ...hook, target: "http://x" })).rejects.toThrow("管辖范围");
    await disableAll();
  });

  it("a process killed between the alert and its delivery: the alert is delivered after restart, once", async () => {
    await channel("WEBHOOK", `${receivers.base}/webhook-crash`, SECRETS.webhook);
    clock = Date.now();
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(import.meta.dirname, "notifyCrashChild.ts"),
        testDb.config.provider,
        testDb.config.location,
        ruleIds.VIOLATION_FORM!,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    const signal = await new Promise((resolve) => child.on("exit", (_code, s) => resolve(s)));
    expect(signal).toBe("SIGKILL");
    expect(out).toContain("written");
    expect(sentTo("/webhook-crash")).toHaveLength(0);

    // The restarted instance: a new client on the same database file.
    const restarted = createPrismaClient(testDb.config);
    try {
      const result = await runNotificationTurn(restarted, { now: new Date(), publicUrl: "http://burden.example" });
      expect(result.sent).toBeGreaterThanOrEqual(1);
      await runNotificationTurn(restarted, {
        now: new Date(Date.now() + 3600_000),
        publicUrl: "http://burden.example",
      });
    } finally {
      await restarted.$disconnect();
    }
    const got = sentTo("/webhook-crash");
    expect(got).toHaveLength(1);
    expect(got[0]!.body.alerts[0].summary).toContain("填报表格违规 7 村次");
  }, 60_000);

  it("refuses loopback, metadata and unlisted targets when saved, and checks again when sending", async () => {
    const save = (target: string) =>
      saveContactPoint(testDb.db, monitor, {
        regionCode: "2201",
        name: "内网探测",
        kind: "WEBHOOK",
        target,
        secret: null,
        enabled: true,
      });
    await expect(save("http://169.254.169.254/latest/meta-data/")).rejects.toThrow(
      "通知地址 169.254.169.254 不在允许范围内",
    );
    await expect(save("http://hooks.example.invalid/x")).rejects.toThrow("CHANNEL_ALLOWED_HOSTS");
    process.env.CHANNEL_ALLOWED_HOSTS = "127.0.0.1,*.example.invalid";
    await expect(save("http://[::1]:9/x")).rejects.toThrow("不在允许范围内");
    const before = await testDb.db.contactPoint.count();
    await expect(save("http://localhost:9/x")).rejects.toThrow("不在允许范围内");
    expect(await testDb.db.contactPoint.count()).toBe(before);

    // Saved while allowed; the administrator then narrows the list (as DNS might move a name): nothing is sent.
    const hook = await channel("WEBHOOK", `${receivers.base}/guarded`, null);
    process.env.CHANNEL_ALLOWED_HOSTS = "*.example.invalid";
    await raise("220103", "VIOLATION_FORM");
    const result = await turn();
    process.env.CHANNEL_ALLOWED_HOSTS = "127.0.0.1";
    expect(result).toMatchObject({ sent: 0, failed: 1 });
    expect(sentTo("/guarded")).toEqual([]);
    const message = await testDb.db.notificationMessage.findFirstOrThrow({ where: { contactPointId: hook.id } });
    expect(message.lastError).toContain("通知地址 127.0.0.1 不在允许范围内");
    await disableAll();
  });
});
