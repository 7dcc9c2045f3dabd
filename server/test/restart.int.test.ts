// @providers: sqlite, postgresql covers db/alertRepository.ts — replay from stored events after a restart
// Kill and restart the server while alerts are being raised: every client,
// once reconnected, holds every event of its jurisdiction exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, demoSessionCookie } from "./fixtures";
import { connectInbox, type InboxClient } from "./inboxClient";
import { restartableRealtimeServer } from "./realtimeServer";
import { createSeededTestDb, useAsAppDb, type TestDb } from "./testDb";

type Client = InboxClient & { regionCode: string };

describe("no alert lost across a server restart", () => {
  let testDb: TestDb;
  const realtime = restartableRealtimeServer();
  const { start, stop } = realtime;
  const clients: Client[] = [];

  async function client(username: string, regionCode: string, loadedAt: number): Promise<Client> {
    const cookie = await demoSessionCookie(username);
    // Same URL each time: the server comes back on the same port.
    const c: Client = { ...(await connectInbox([realtime.url()], cookie, loadedAt)), regionCode };
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    testDb = await createSeededTestDb();
    useAsAppDb(testDb);
    await start();
  });
  afterAll(async () => {
    for (const c of clients) c.socket.disconnect();
    if (realtime.running()) await stop();
    await testDb.cleanup();
  });

  it("replays after reconnecting, in order, none missing, none twice", async () => {
    const baseline = (await testDb.db.alertEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0;
    const kc = await client("inspector", "220103", baseline);
    const city = await client("monitor", "2201", baseline);
    const cy = await client("monitor_cy", "220104", baseline);
    const kcMonitor = await callerAs(testDb.db, "monitor_kc");
    const cyMonitor = await callerAs(testDb.db, "monitor_cy");
    const kcDept = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区应急管理局" } })).id;
    const cyDept = (await testDb.db.department.findFirstOrThrow({ where: { name: "朝阳区应急管理局" } })).id;
    const townships = (
      await testDb.db.region.findMany({ where: { parentCode: { in: ["220103", "220104"] } }, orderBy: { code: "asc" } })
    ).map((r) => r.code);
    const raise = (i: number) => {
      const scope = townships[i % townships.length]!;
      const kcSide = scope.startsWith("220103");
      return (kcSide ? kcMonitor : cyMonitor).record.create({
        kind: i % 2 ? "PROOF_DEMAND" : "TASK",
        title: `压测${i}`,
        departmentId: kcSide ? kcDept : cyDept,
        scopeRegionCode: scope,
        units: 1 + i,
        occurredOn: new Date(),
        details: i % 2 ? { proof: "截图" } : { countyDeployed: false },
      });
    };

    for (let i = 0; i < 6; i += 1) await raise(i);
    await stop(); // the server dies; writes go on and their events are stored
    for (let i = 6; i < 12; i += 1) await raise(i);
    // Same port: the clients reconnect by themselves and replay while new alerts keep coming.
    await Promise.all([
      start(),
      (async () => {
        for (let i = 12; i < 18; i += 1) await raise(i);
      })(),
    ]);

    const expected = async (regionCode: string) =>
      (
        await testDb.db.alertEvent.findMany({
          where: { seq: { gt: baseline }, regionCode: { startsWith: regionCode } },
          orderBy: { seq: "asc" },
        })
      ).map((e) => e.seq);
    for (const c of [kc, city, cy]) {
      const want = await expected(c.regionCode);
      const deadline = Date.now() + 5000;
      while (c.seqs.length < want.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(want.length).toBeGreaterThan(0);
      expect(c.seqs).toEqual(want);
    }
  });
});
