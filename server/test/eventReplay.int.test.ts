// @providers: sqlite, postgresql covers db/alertRepository.ts — the replay's paged event queries
// Nothing a live inbox should show may fall between its list, its sequence and its replay.
// The scale-out spec lost two events in CI: a city monitor's socket died with its
// instance just after the demo seed had written ~1,300 events, and the replay on the
// other instance resent "the last half minute" first, ran into its 1,000-row limit on
// the seed's events and never reached the two it had missed. A replay must reach
// every missed event whatever was written before the client's list was loaded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeAlertEvents } from "../services/alerts/alertEvents";
import { listAlerts, missedEvents } from "../services/alerts/alertActions";
import { demoSessionCookie } from "./fixtures";
import { connectInbox, type InboxClient } from "./inboxClient";
import { restartableRealtimeServer } from "./realtimeServer";
import { createSeededTestDb, useAsAppDb, type TestDb } from "./testDb";

describe("replay after a burst of events", () => {
  let testDb: TestDb;
  const realtime = restartableRealtimeServer();
  const { start, stop } = realtime;
  let client: InboxClient | null = null;

  const maxSeq = async () => (await testDb.db.alertEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
  const burst = (count: number, type: string) =>
    testDb.db.alertEvent.createMany({
      data: Array.from({ length: count }, (_, i) => ({ regionCode: "220103", type, payload: { i } })),
    });

  beforeAll(async () => {
    testDb = await createSeededTestDb();
    useAsAppDb(testDb);
    await start();
  });
  afterAll(async () => {
    client?.socket.disconnect();
    if (realtime.running()) await stop();
    await testDb.cleanup();
  });

  it("reaches the events missed while disconnected behind a recent burst the client already has", async () => {
    await burst(1500, "SEED_BURST"); // like the demo seed, seconds before the page loaded its list
    const loadedAt = await maxSeq();
    client = await connectInbox([realtime.url()], await demoSessionCookie("inspector"), loadedAt);

    await stop(); // the instance dies; writes go on elsewhere
    const missed = await testDb.db.$transaction((tx) =>
      writeAlertEvents(tx, [
        { alertId: null, regionCode: "220103", type: "MISSED", payload: { n: 1 } },
        { alertId: null, regionCode: "220103001", type: "MISSED", payload: { n: 2 } },
      ]),
    );
    await start(); // same port: the client reconnects by itself and replays

    const want = missed.map((e) => e.seq);
    const deadline = Date.now() + 10_000;
    while (client.seqs.length < want.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(client.seqs).toEqual(want);
    expect(client.events.every((e) => e.type === "MISSED")).toBe(true);
  });

  it("pages through more missed events than one query returns, in order, each once", async () => {
    const before = await maxSeq();
    await burst(2300, "LONG_ABSENCE");
    const stored = await testDb.db.alertEvent.findMany({
      where: { seq: { gt: before }, regionCode: { startsWith: "2201" } },
      orderBy: { seq: "asc" },
    });
    const replayed = await missedEvents(testDb.db, "2201", before, { loadedAt: before });
    expect(replayed.complete).toBe(true);
    expect(replayed.events.map((e) => e.seq)).toEqual(stored.map((e) => e.seq));

    // Beyond what a replay sends, the client is told to load its list again instead.
    const capped = await missedEvents(testDb.db, "2201", before, { loadedAt: before, limit: 2000 });
    expect(capped.complete).toBe(false);
    expect(capped.events.map((e) => e.seq)).toEqual(stored.slice(0, 2000).map((e) => e.seq));
  });

  it("the list's sequence never counts an event committed after the list was read", async () => {
    let written = 0;
    // An acknowledgement commits while the inbox list is being read.
    const alerts = new Proxy(testDb.db.alert, {
      get(target, prop) {
        if (prop !== "findMany") return Reflect.get(target, prop, target);
        return async (...args: Parameters<typeof target.findMany>) => {
          const rows = await target.findMany(...args);
          const [event] = await testDb.db.$transaction((tx) =>
            writeAlertEvents(tx, [{ alertId: null, regionCode: "220103", type: "RACING", payload: {} }]),
          );
          written ||= event!.seq;
          return rows;
        };
      },
    });
    const racing = new Proxy(testDb.db, {
      get: (target, prop) => (prop === "alert" ? alerts : Reflect.get(target, prop, target)),
    });
    const list = await listAlerts(racing, "220103", {});
    expect(written).toBeGreaterThan(0);
    // The page drops events at or below lastSeq as already shown: this one is not.
    expect(list.lastSeq).toBeLessThan(written);
  });
});
