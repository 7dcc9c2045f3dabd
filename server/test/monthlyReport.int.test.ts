// @providers: sqlite — document generation over queries metrics.int checks on PostgreSQL
// The 月度减负监测报告 of 长春市 on the demo data: a .docx whose XML carries
// the six sections, the tables, the embedded chart images and the CJK fonts;
// its sentences agree with the database; issued versions never change; the
// monthly job writes each missing report once; jurisdiction holds.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subtreeRange } from "../domain/regions";
import { defaultPeriod, previousPeriod } from "../services/metrics";
import { analyseCounty } from "../services/formOverlap/analysis";
import { dismissProposal } from "../services/formOverlap/proposals";
import { analysisDateFor } from "../services/formOverlap/reportProposals";
import { generateDueReports, generateMonthlyReport, monthlyReportFile } from "../services/reports/archive";
import { saveContactPoint, savePolicy } from "../services/notifications/channels";
import { runNotificationTurn } from "../services/notifications/dispatcher";
import { callerAs, codeOf, sessionUser } from "./fixtures";
import { startReceivers } from "./receivers";
import { createSeededTestDb, useAsAppDb, type TestDb } from "./testDb";

describe("monthly report", () => {
  let testDb: TestDb;
  let period: number;
  let first: Awaited<ReturnType<typeof generateMonthlyReport>>;
  let xml: string;
  let zip: JSZip;

  beforeAll(async () => {
    testDb = await createSeededTestDb();
    useAsAppDb(testDb);
    period = await defaultPeriod(testDb.db, "2201");
    first = await (await callerAs(testDb.db, "monitor")).monthlyReport.generate({ regionCode: "2201", period });
    const file = await monthlyReportFile(testDb.db, await sessionUser(testDb.db, "monitor"), first.id);
    zip = await JSZip.loadAsync(file.content);
    xml = await zip.file("word/document.xml")!.async("string");
  }, 600_000);
  afterAll(() => testDb.cleanup());

  const text = () => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

  it("is a Word document with the title, issuing units and the six sections in order", () => {
    const body = text();
    expect(first.fileName).toMatch(/^长春市\d{4}年\d{1,2}月减负监测报告（第1版）\.docx$/);
    expect(body).toContain(`长春市${Math.floor(period / 100)}年${period % 100}月村级组织减负监测报告`);
    expect(body).toContain("长春市民政局　中共长春市委组织部");
    const sections = [
      "一、总体情况",
      "二、排名",
      "三、主要问题",
      "四、预警处置",
      "五、通报曝光与整改",
      "六、下一步建议",
    ].map((s) => body.indexOf(s));
    expect(sections.every((i) => i >= 0)).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
  });

  it("says in its first sentence what the database holds, with the month-on-month change", async () => {
    const count = (p: number) =>
      testDb.db.burdenRecord.count({ where: { scopeRegionCode: subtreeRange("2201"), period: p, status: "ACTIVE" } });
    const [now, before] = [await count(period), await count(previousPeriod(period))];
    expect(now).toBeGreaterThan(0);
    const change = ((now - before) / before) * 100;
    expect(text()).toContain(
      `全市共记录基层负担事项 ${now} 项，较上月${change < 0 ? "下降" : "上升"} ${Math.abs(change).toFixed(1)}%`,
    );
  });

  it("has the ranking of the 15 county-level units, the tables and three embedded chart images", async () => {
    const tables = xml.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const title of ["表1　主要指标", "表4　预警处置情况"]) {
      // A table's caption stands right above it: no paragraph comes between them.
      const after = xml.slice(xml.indexOf(title));
      expect(after.indexOf("<w:tbl>")).toBeGreaterThan(0);
      expect(after.search(/<w:p[ >]/)).toBeGreaterThan(after.indexOf("<w:tbl>"));
    }
    const counties = await testDb.db.region.findMany({ where: { parentCode: "2201" }, select: { name: true } });
    expect(counties).toHaveLength(15);
    for (const c of counties) expect(text()).toContain(c.name);
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    expect(media.length).toBe(3);
    for (const f of media) {
      const png = await zip.file(f)!.async("uint8array");
      expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
      expect(png.length).toBeGreaterThan(10_000); // a drawn chart, not an empty canvas
    }
    expect(xml.match(/<w:drawing>/g)?.length).toBe(3);
  });

  it("names Chinese fonts for East Asian text so Word and WPS render it as a government document", () => {
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="宋体"');
  });

  it("names the violated clauses with their departments and examples", () => {
    expect(text()).toMatch(/（一）违反《意见》第\d条“[^”]+”的问题 \d+ 项/);
    expect(text()).toMatch(/主要涉及[^（]+（\d+ 项）/);
  });

  it("an issued report never changes: generating again writes version 2 beside it", async () => {
    const monitor = await sessionUser(testDb.db, "monitor");
    const before = (await monthlyReportFile(testDb.db, monitor, first.id)).content;
    const second = await generateMonthlyReport(testDb.db, "2201", period, "MANUAL", monitor);
    expect(second.version).toBe(2);
    expect(second.fileName).toContain("第2版");
    expect((await monthlyReportFile(testDb.db, monitor, first.id)).content.equals(before)).toBe(true);
    const listed = await (await callerAs(testDb.db, "monitor")).monthlyReport.list({ regionCode: "2201" });
    expect(listed.filter((r) => r.regionCode === "2201" && r.period === period).map((r) => r.version)).toEqual([2, 1]);
  }, 400_000);

  it("after a month closes the job writes each monitored region's report once", async () => {
    const nextMonth = period % 100 === 12 ? (Math.floor(period / 100) + 1) * 100 + 1 : period + 1;
    const at = new Date(Date.UTC(Math.floor(nextMonth / 100), (nextMonth % 100) - 1, 1, 3));
    await testDb.db.user.updateMany({
      where: { role: "monitor", regionCode: { not: "2201" } },
      data: { disabled: true },
    }); // keep the test to one region
    await testDb.db.user.updateMany({ where: { role: "county_leader" }, data: { disabled: true } });
    await testDb.db.monthlyReport.deleteMany({ where: { period } });
    const made = await generateDueReports(testDb.db, at);
    expect(made).toHaveLength(1);
    const scheduled = await testDb.db.monthlyReport.findUniqueOrThrow({ where: { id: made[0]! } });
    expect(scheduled).toMatchObject({ regionCode: "2201", period, trigger: "SCHEDULED", version: 1 });
    expect(await generateDueReports(testDb.db, at)).toEqual([]);
  }, 400_000);

  it("another county's monitor can neither list nor download 长春市's reports; departments cannot read reports", async () => {
    const cy = await callerAs(testDb.db, "monitor_cy");
    expect(await codeOf(cy.monthlyReport.list({ regionCode: "2201" }))).toBe("FORBIDDEN");
    const archived = await testDb.db.monthlyReport.findFirstOrThrow({ where: { regionCode: "2201" } });
    await expect(monthlyReportFile(testDb.db, await sessionUser(testDb.db, "monitor_cy"), archived.id)).rejects.toThrow(
      "不在您的管辖范围内",
    );
    expect(await codeOf((await callerAs(testDb.db, "dept")).monthlyReport.list({ regionCode: "220103" }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await codeOf(
        (await callerAs(testDb.db, "monitor")).monthlyReport.generate({ regionCode: "2201", period: 209901 }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("a record that breaks clause 3 raises its alert through the real write path and reaches a configured webhook", async () => {
    const receivers = await startReceivers({ dingtalk: "unused", webhook: "whsec-kc" });
    process.env.CHANNEL_ALLOWED_HOSTS = "127.0.0.1"; // the local receiver listens on loopback
    try {
      const monitor = await sessionUser(testDb.db, "monitor_kc");
      const hook = await saveContactPoint(testDb.db, monitor, {
        regionCode: "220103",
        name: "宽城区督查",
        kind: "WEBHOOK",
        target: `${receivers.base}/webhook-kc`,
        secret: "whsec-kc",
        enabled: true,
      });
      await savePolicy(testDb.db, monitor, {
        regionCode: "220103",
        contactPointId: hook.id,
        severities: ["WARNING", "CRITICAL"],
        ruleTypes: ["VIOLATION"],
        groupWaitSec: 0,
        groupIntervalSec: 0,
        repeatIntervalSec: 0,
        enabled: true,
      });
      const departmentId = (await testDb.db.department.findFirstOrThrow({ where: { name: "宽城区应急管理局" } })).id;
      await (await callerAs(testDb.db, "monitor_kc")).record.create({
        kind: "PROOF_DEMAND",
        title: "每日上传巡查截图",
        departmentId,
        scopeRegionCode: "220103",
        units: 1,
        occurredOn: new Date(),
        details: { proof: "截图" },
      });
      const outbox = await testDb.db.notificationOutbox.findMany({ where: { regionCode: { startsWith: "220103" } } });
      expect(outbox.length).toBeGreaterThan(0);
      await runNotificationTurn(testDb.db, { publicUrl: "http://burden.example" });
      const got = receivers.received.filter((r) => r.path === "/webhook-kc");
      expect(got).toHaveLength(1);
      expect(got[0]!.body.alerts.map((a: { ruleName: string }) => a.ruleName).join()).toContain(
        "截图/录像/定位留痕要求违规",
      );
      expect(receivers.rejected).toEqual([]);
    } finally {
      await receivers.close();
      delete process.env.CHANNEL_ALLOWED_HOSTS;
    }
  }, 120_000);

  it("六、下一步建议 names the region's open 一表通 merge proposals, most hours saved first; a turned-down one drops out", async () => {
    const at = analysisDateFor(period, new Date());
    const counties = await testDb.db.region.findMany({
      where: { parentCode: "2201" },
      select: { code: true, name: true },
    });
    const open = [];
    for (const c of counties)
      for (const cluster of (await analyseCounty(testDb.db, c.code, at)).clusters)
        if (!cluster.decision) open.push({ county: c.code, countyName: c.name, ...cluster });
    expect(open.length).toBeGreaterThan(0);
    const top = open.sort((a, b) => b.savedHours - a.savedHours || b.savedEntries - a.savedEntries)[0]!;
    const advice = () => text().slice(text().indexOf("六、下一步建议"));
    // Counties may share form titles: a proposal is named with its county in a city's report.
    const names = (cluster: typeof top) => cluster.countyName + cluster.members.map((m) => `“${m.title}”`).join("");
    expect(advice()).toContain(`${names(top)}等 ${top.members.length} 张表格数据项重合`);
    expect(advice()).toContain(
      `建议以“${top.baseTitle}”为基础合并为一张表（一表通），每年可减少重复填写 ${top.savedEntries} 个字段`,
    );

    await dismissProposal(testDb.db, await sessionUser(testDb.db, "monitor"), {
      countyCode: top.county,
      clusterKey: top.clusterKey,
      reason: "两表分属不同条线，暂不合并",
    });
    const again = await (await callerAs(testDb.db, "monitor")).monthlyReport.generate({ regionCode: "2201", period });
    const file = await monthlyReportFile(testDb.db, await sessionUser(testDb.db, "monitor"), again.id);
    xml = await (await JSZip.loadAsync(file.content)).file("word/document.xml")!.async("string");
    expect(advice()).not.toContain(names(top));
  }, 600_000);
});
