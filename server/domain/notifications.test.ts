import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  composeMessage,
  dingTalkSignature,
  groupSendAfter,
  policyMatches,
  quietUntil,
  retryDelayMs,
  silencedBy,
  webhookSignature,
} from "./notifications";

describe("notification rules", () => {
  it("a policy covers its region's subtree, its severities and, if listed, its rule kinds", () => {
    const policy = { regionCode: "2201", severities: ["CRITICAL"], ruleTypes: ["LEVEL"] };
    expect(policyMatches(policy, { regionCode: "220103", severity: "CRITICAL", ruleType: "LEVEL" })).toBe(true);
    expect(policyMatches(policy, { regionCode: "220203", severity: "CRITICAL", ruleType: "LEVEL" })).toBe(false);
    expect(policyMatches(policy, { regionCode: "220103", severity: "WARNING", ruleType: "LEVEL" })).toBe(false);
    expect(policyMatches(policy, { regionCode: "220103", severity: "CRITICAL", ruleType: "VIOLATION" })).toBe(false);
    expect(
      policyMatches(
        { ...policy, ruleTypes: [] },
        { regionCode: "220103", severity: "CRITICAL", ruleType: "VIOLATION" },
      ),
    ).toBe(true);
  });

  it("silences match by region prefix and, when set, by rule", () => {
    expect(silencedBy([{ regionCode: "220103", ruleKey: null }], { regionCode: "220103002", ruleKey: "X" })).toBe(true);
    expect(silencedBy([{ regionCode: "220103", ruleKey: "Y" }], { regionCode: "220103002", ruleKey: "X" })).toBe(false);
    expect(silencedBy([{ regionCode: "220104", ruleKey: null }], { regionCode: "220103", ruleKey: "X" })).toBe(false);
  });

  it("a group waits group_wait, and never goes out sooner than group_interval after the last message", () => {
    const now = new Date("2026-11-29T02:00:00Z");
    expect(groupSendAfter(now, 30, 300, null).toISOString()).toBe("2026-11-29T02:00:30.000Z");
    expect(groupSendAfter(now, 30, 300, new Date("2026-11-29T01:58:00Z")).toISOString()).toBe(
      "2026-11-29T02:03:00.000Z",
    );
    expect(groupSendAfter(now, 30, 300, new Date("2026-11-29T01:00:00Z")).toISOString()).toBe(
      "2026-11-29T02:00:30.000Z",
    );
  });

  it("backs off exponentially up to ten minutes", () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a))).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(20)).toBe(600_000);
  });

  it("quiet hours are China time and may wrap past midnight", () => {
    // 23:00 in China, quiet 22:00–07:00 → until 07:00 next morning (23:00 UTC).
    expect(quietUntil(new Date("2026-11-29T15:00:00Z"), 22 * 60, 7 * 60)?.toISOString()).toBe(
      "2026-11-29T23:00:00.000Z",
    );
    expect(quietUntil(new Date("2026-11-29T20:30:00Z"), 22 * 60, 7 * 60)?.toISOString()).toBe(
      "2026-11-29T23:00:00.000Z",
    );
    expect(quietUntil(new Date("2026-11-29T02:00:00Z"), 22 * 60, 7 * 60)).toBeNull(); // 10:00
    expect(quietUntil(new Date("2026-11-29T05:00:00Z"), 12 * 60, 14 * 60)?.toISOString()).toBe(
      "2026-11-29T06:00:00.000Z",
    );
    expect(quietUntil(new Date("2026-11-29T05:00:00Z"), null, null)).toBeNull();
  });

  it("signs as 钉钉 documents it and as our webhook receivers verify it", () => {
    const secret = "SECabc";
    const expected = encodeURIComponent(
      createHmac("sha256", secret).update(`1700000000000\n${secret}`).digest("base64"),
    );
    expect(dingTalkSignature(secret, 1_700_000_000_000)).toBe(expected);
    expect(webhookSignature("k", 1, "{}")).toBe(`sha256=${createHmac("sha256", "k").update("1.{}").digest("hex")}`);
  });

  it("composes one Chinese message per group with region, rule, value and a link for each alert", () => {
    const alert = (id: string, severity: string) => ({
      id,
      eventType: "FIRING",
      regionName: "宽城区",
      ruleName: "村均填报表格超过阈值",
      ruleType: "LEVEL",
      severity,
      value: 5.25,
      threshold: 4,
      summary: "村均填报表格 5.25",
      period: 202611,
    });
    const one = composeMessage([alert("a1", "WARNING")], "http://x/");
    expect(one.title).toBe("【减负监测·警告】宽城区：村均填报表格超过阈值");
    expect(one.markdown).toContain("数值 5.25（阈值 4）");
    expect(one.markdown).toContain("http://x/alerts?alert=a1");
    const two = composeMessage([alert("a1", "WARNING"), alert("a2", "CRITICAL")], "http://x");
    expect(two.title).toBe("【减负监测·严重】2 条预警");
    expect(two.alerts.map((a) => a.ruleTypeName)).toEqual(["水平阈值", "水平阈值"]);
  });
});
