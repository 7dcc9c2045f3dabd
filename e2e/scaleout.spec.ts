// Scale-out: two instances of the built app share PostgreSQL and Redis. An
// alert raised through A reaches inspectors on B (page and socket), an
// acknowledgement on B reaches A, background jobs run once across both, and
// killing A loses no alert for clients that fail over to B.
import { expect, test } from "./fixtures";
import pg from "pg";
import { withDatabase } from "../server/dbadmin/postgresAdmin";
import { connectInbox } from "../server/test/inboxClient";
import { isReachable } from "../server/cluster/reachable";
import { mutate, POSTGRES_URL, REDIS_URL, signIn, startCluster, type Cluster } from "./cluster";
import { SCALEOUT_PORTS } from "./layout";

test.describe("two instances on PostgreSQL and Redis", () => {
  test.describe.configure({ timeout: 420_000 });
  let cluster: Cluster | null = null;
  let sql: pg.Client | null = null;

  test.beforeAll(async () => {
    test.setTimeout(420_000);
    const available = (await isReachable(POSTGRES_URL)) && (await isReachable(REDIS_URL));
    // CI machines have both; elsewhere the spec says why it did not run.
    test.skip(!available && !process.env.CI, "需要 PostgreSQL（127.0.0.1:5432）和 Redis（127.0.0.1:6379）");
    cluster = await startCluster(SCALEOUT_PORTS, { ESCALATION_EVERY_MS: "1000" });
    sql = new pg.Client({ connectionString: withDatabase(POSTGRES_URL, cluster.database) });
    await sql.connect();
  });
  test.afterAll(async () => {
    await sql?.end();
    await cluster?.stop();
  });

  test("alerts cross instances, jobs run once, and failing over loses nothing", async ({ browser }) => {
    const { a, b } = cluster!;
    const db = sql!;
    const maxSeq = async () =>
      Number((await db.query('SELECT COALESCE(MAX(seq), 0) AS m FROM "AlertEvent"')).rows[0].m);
    const departmentId = async (name: string) =>
      (await db.query('SELECT id FROM "Department" WHERE name = $1', [name])).rows[0].id as string;
    const baseline = await maxSeq();
    for (const instance of [a, b]) {
      const health = await (await fetch(`${instance.url}/api/health`)).json();
      expect(health).toMatchObject({
        status: "ok",
        database: { ok: true, provider: "postgresql" },
        redis: { ok: true },
      });
    }

    // Scheduled escalation every second on both instances: one turn per lease, not one per instance.
    const turnsBefore = await cluster!.jobTurns("escalation");
    const windowStart = Date.now();
    await new Promise((r) => setTimeout(r, 4500));
    const turns = (await cluster!.jobTurns("escalation")) - turnsBefore;
    const windowSeconds = (Date.now() - windowStart) / 1000;
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(turns).toBeLessThanOrEqual(Math.ceil(windowSeconds / 0.9) + 1);

    // The inspector's inbox page is open on B.
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${b.url}/login`);
    await page.getByLabel("用户名").fill("inspector");
    await page.getByLabel("密码").fill("Demo2026");
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    await page.goto(`${b.url}/alerts`);
    await expect(page.getByTestId("realtime-status")).toContainText("实时连接正常");

    const inspectorOnB = await connectInbox([b.url], await signIn(b.url, "inspector"), baseline);
    const cityOnA = await connectInbox([a.url, b.url], await signIn(a.url, "monitor"), baseline);
    const chaoyangOnA = await connectInbox([a.url, b.url], await signIn(a.url, "monitor_cy"), baseline);

    // Raised through A: a new episode (FIRING), or 新增违规 on the county's open one (the demo seed opens it).
    const raisedOrGrew = (e: { type: string }) => e.type === "FIRING" || e.type === "NEW_VIOLATION";
    const kcCookieA = await signIn(a.url, "monitor_kc");
    const kcDept = await departmentId("宽城区应急管理局");
    await mutate(a.url, kcCookieA, "record.create", {
      kind: "PROOF_DEMAND",
      title: "每日上传巡查截图（多实例）",
      departmentId: kcDept,
      scopeRegionCode: "220103",
      units: 1,
      occurredOn: new Date(),
      details: { proof: "截图" },
    });
    await expect
      .poll(() => inspectorOnB.events.find(raisedOrGrew)?.alertId ?? null, { timeout: 15_000 })
      .not.toBeNull();
    const alertId = inspectorOnB.events.find(raisedOrGrew)!.alertId!;
    const row = page.getByTestId("alert-inbox").locator(`tr[data-alert-id="${alertId}"]`);
    await expect(row).toBeVisible({ timeout: 5000 });

    // Acknowledged on B, seen on A (socket) and on B's page.
    await mutate(b.url, await signIn(b.url, "inspector"), "alert.acknowledge", {
      id: alertId,
      reason: "已联系宽城区应急管理局停止截图要求",
    });
    await expect
      .poll(() => cityOnA.events.some((e) => e.type === "ACKNOWLEDGED" && e.alertId === alertId), { timeout: 5000 })
      .toBe(true);
    await expect(row).toContainText("已签收");
    expect(chaoyangOnA.events.every((e) => e.regionCode.startsWith("220104"))).toBe(true);

    // A dies mid-stream; writes go on through B; A's clients fail over to B and replay.
    const kcCookieB = await signIn(b.url, "monitor_kc");
    const cyCookieB = await signIn(b.url, "monitor_cy");
    const cyDept = await departmentId("朝阳区应急管理局");
    const townshipsOf = async (county: string) =>
      (await db.query('SELECT code FROM "Region" WHERE "parentCode" = $1 ORDER BY code', [county])).rows.map(
        (r) => r.code as string,
      );
    const [kcTownships, cyTownships] = [await townshipsOf("220103"), await townshipsOf("220104")];
    for (let i = 0; i < 12; i += 1) {
      if (i === 4) a.process.kill("SIGKILL");
      const kc = i % 2 === 0; // alternate counties so every client has events to lose
      const scope = (kc ? kcTownships : cyTownships)[Math.floor(i / 2)]!;
      await mutate(b.url, kc ? kcCookieB : cyCookieB, "record.create", {
        kind: i % 4 < 2 ? "PROOF_DEMAND" : "TASK",
        title: `多实例压测${i}`,
        departmentId: kc ? kcDept : cyDept,
        scopeRegionCode: scope,
        units: 1 + i,
        occurredOn: new Date(),
        details: i % 4 < 2 ? { proof: "截图" } : { countyDeployed: false },
      });
    }

    const stored = async (prefix: string) =>
      (
        await db.query('SELECT seq FROM "AlertEvent" WHERE seq > $1 AND "regionCode" LIKE $2 ORDER BY seq', [
          baseline,
          `${prefix}%`,
        ])
      ).rows.map((r) => Number(r.seq));
    for (const [client, prefix] of [
      [inspectorOnB, "220103"],
      [cityOnA, "2201"],
      [chaoyangOnA, "220104"],
    ] as const) {
      const want = await stored(prefix);
      expect(want.length).toBeGreaterThan(0);
      await expect.poll(() => [...client.seqs].sort((x, y) => x - y), { timeout: 10_000 }).toEqual(want);
      expect(new Set(client.seqs).size).toBe(client.seqs.length);
    }
    expect(cityOnA.socket.io.engine?.transport).toBeTruthy();

    for (const c of [inspectorOnB, cityOnA, chaoyangOnA]) c.socket.disconnect();
    await context.close();
  });
});
