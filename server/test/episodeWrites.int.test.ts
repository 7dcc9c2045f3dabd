// @providers: sqlite, postgresql covers db/bulk.ts, db/alertRepository.ts — bulkUpdateJson, createAlerts and insertEvents: multi-row SQL per dialect
// An evaluation writes its episodes, events and outbox rows in multi-row
// statements (issue #12: the national evaluation). What replay, the outbox and
// the inbox rely on must hold as it did row by row: events in seq order are
// the order they were decided in, every notified event has its outbox row, and
// each episode's stored machine state (dates included, which SQLite keeps as
// text that comparisons must still order) is what its events say.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isNotifiedEvent } from "../domain/notifications";
import type { AlertEventMessage } from "../services/alerts/alertEvents";
import { evaluateRegions } from "../services/alerts/alertEvaluation";
import { saveRuleForRegion } from "../services/alerts/alertRules";
import { lastTwelvePeriods } from "../services/demo/generateRecords";
import { sessionUser } from "./fixtures";
import { createSeededTestDb, useAsAppDb, type TestDb } from "./testDb";

describe("batched episode writes", { timeout: 180_000 }, () => {
  let testDb: TestDb;
  let counties: string[];
  const periods = lastTwelvePeriods(new Date());
  const [first, second] = [periods[0]!, periods[1]!];
  const at = (day: number) => new Date(Date.UTC(2026, 0, day, 8));

  const formsThreshold = async (enterThreshold: number) =>
    saveRuleForRegion(testDb.db, await sessionUser(testDb.db, "monitor"), {
      ruleKey: "LEVEL_FORMS",
      regionCode: "2201",
      severity: "WARNING",
      enterThreshold,
      exitThreshold: enterThreshold / 2,
      pendingPeriods: 0,
      enabled: true,
    });

  /** Stored events and outbox rows after `afterSeq`, and whether they agree with what the evaluation returned. */
  async function checkWritten(returned: AlertEventMessage[], afterSeq: number) {
    const stored = await testDb.db.alertEvent.findMany({ where: { seq: { gt: afterSeq } }, orderBy: { seq: "asc" } });
    // Raw inserts (ids, dates and seqs made in code): what was pushed is what a replay reads back.
    expect(stored.map((e) => [e.seq, e.alertId, e.type, e.createdAt, e.payload])).toEqual(
      returned.map((e) => [e.seq, e.alertId, e.type, e.createdAt, e.payload]),
    );
    const since = returned[0]?.createdAt;
    if (since)
      expect(await testDb.db.alertEvent.count({ where: { seq: { gt: afterSeq }, createdAt: { gte: since } } })).toBe(
        returned.length,
      );
    for (const event of stored)
      expect((event.payload as { alert: { id: string } }).alert.id, "payload of its own alert").toBe(event.alertId);
    const outbox = await testDb.db.notificationOutbox.findMany({
      where: { eventSeq: { gt: afterSeq } },
      orderBy: { eventSeq: "asc" },
    });
    expect(outbox.map((o) => [o.eventSeq, o.alertId, o.type])).toEqual(
      stored.filter((e) => isNotifiedEvent(e.type)).map((e) => [e.seq, e.alertId, e.type]),
    );
    return stored;
  }

  /** Each episode's machine state is the one its latest state-changing event announced. */
  async function checkStates() {
    const alerts = await testDb.db.alert.findMany({ include: { events: { orderBy: { seq: "asc" } } } });
    for (const alert of alerts) {
      const last = alert.events.filter((e) => ["PENDING", "FIRING", "RESOLVED"].includes(e.type)).at(-1);
      expect(alert.state, alert.dedupKey).toBe(last?.type);
    }
    return alerts;
  }

  beforeAll(async () => {
    testDb = await createSeededTestDb();
    useAsAppDb(testDb);
    counties = (
      await testDb.db.region.findMany({
        where: { parentCode: "2201" },
        orderBy: { code: "asc" },
        select: { code: true },
      })
    ).map((r) => r.code);
    await testDb.db.notificationOutbox.deleteMany();
    await testDb.db.alertEvent.deleteMany();
    await testDb.db.alert.deleteMany();
  }, 300_000);
  afterAll(async () => {
    await testDb.cleanup();
  });

  it("opens a prefecture's episodes with events in decision order and their outbox rows", async () => {
    await formsThreshold(0.001);
    const returned = await evaluateRegions(testDb.db, counties, first, at(1));
    const forms = returned.filter((e) => (e.payload as { alert: { ruleKey: string } }).alert.ruleKey === "LEVEL_FORMS");
    expect(forms.map((e) => e.regionCode).sort(), "every county breaches 0.001 forms a village").toEqual(counties);
    expect(new Set(returned.map((e) => e.alertId)).size).toBe(returned.length);
    await checkWritten(returned, 0);
    const alerts = await checkStates();
    expect(alerts.filter((a) => a.ruleKey === "LEVEL_FORMS").map((a) => a.firingAt)).toEqual(counties.map(() => at(1)));
    expect(
      await testDb.db.alert.count({ where: { ruleKey: "LEVEL_FORMS", firstSeenAt: { gte: at(1), lte: at(1) } } }),
      "new episodes' dates compare as Prisma's own",
    ).toBe(counties.length);
  });

  it("carries episodes into the next month in one update: resolved, still firing, dates kept and comparable", async () => {
    const before = new Map((await testDb.db.alert.findMany()).map((a) => [a.id, a]));
    const afterSeq = Math.max(...(await testDb.db.alertEvent.findMany()).map((e) => e.seq));
    await formsThreshold(1000);
    const returned = await evaluateRegions(testDb.db, counties, second, at(2));
    await checkWritten(returned, afterSeq);
    const alerts = await checkStates();
    const forms = alerts.filter((a) => a.ruleKey === "LEVEL_FORMS");
    expect(forms.map((a) => [a.state, a.lastPeriod, a.recoveryCount])).toEqual(
      counties.map(() => ["RESOLVED", second, 1]),
    );
    // Stored as each database keeps dates, so range filters still find them.
    expect(
      await testDb.db.alert.count({ where: { ruleKey: "LEVEL_FORMS", resolvedAt: { gte: at(2), lte: at(2) } } }),
    ).toBe(counties.length);
    expect(await testDb.db.alert.count({ where: { ruleKey: "LEVEL_FORMS", firingAt: { lt: at(2) } } })).toBe(
      counties.length,
    );
    for (const alert of alerts.filter((a) => a.state === "FIRING" && before.has(a.id))) {
      expect(alert.firingAt, "a firing episode keeps its start").toEqual(before.get(alert.id)!.firingAt);
      expect(alert.lastPeriod).toBe(second);
    }
    for (const alert of alerts.filter((a) => before.has(a.id)))
      expect(alert.updatedAt >= before.get(alert.id)!.updatedAt).toBe(true);
  });

  it("re-judging the month that resolved them reopens the same episodes, their resolution cleared", async () => {
    const afterSeq = Math.max(...(await testDb.db.alertEvent.findMany()).map((e) => e.seq));
    await formsThreshold(0.001);
    const returned = await evaluateRegions(testDb.db, counties, second, at(3));
    const stored = await checkWritten(returned, afterSeq);
    expect(stored.filter((e) => e.type === "FIRING").map((e) => e.regionCode)).toEqual(
      expect.arrayContaining(counties),
    );
    const forms = (await checkStates()).filter((a) => a.ruleKey === "LEVEL_FORMS");
    expect(forms.map((a) => [a.period, a.state, a.resolvedAt, a.firingAt])).toEqual(
      counties.map(() => [first, "FIRING", null, at(1)]),
    );
  });
});
