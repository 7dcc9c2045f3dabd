import { describe, expect, it } from "vitest";
import { describeDuration, describeRule } from "./ruleWords";

describe("describeRule", () => {
  it("puts the plain sentence first and keeps the statistics for 详情", () => {
    const stat = describeRule({
      ruleKey: "STAT_RISE",
      type: "STATISTICAL",
      burdenKind: null,
      clause: null,
      enterThreshold: 2.87,
      exitThreshold: 2,
      pendingPeriods: 0,
    });
    expect(stat.plain).toBe("本月负担记录数明显高于本地区以往水平时告警。");
    expect(stat.plain).not.toMatch(/泊松|p<|log/);
    expect(stat.detail).toContain("2.87");
  });
  it("names the kind, the clause and the threshold in words", () => {
    expect(
      describeRule({
        type: "VIOLATION",
        burdenKind: "INSPECTION",
        clause: 3,
        enterThreshold: 0,
        exitThreshold: 0,
        pendingPeriods: 0,
      }).plain,
    ).toBe("本月出现督查检查考核违规（违反《意见》第3条）即提示。");
    const level = describeRule({
      type: "LEVEL",
      burdenKind: "FORM",
      clause: null,
      enterThreshold: 4,
      exitThreshold: 3,
      pendingPeriods: 1,
    });
    expect(level.plain).toBe("本地区平均每个村（社区）每月的填报表格超过 4 项时告警。");
    expect(level.detail).toContain("连续 2 个月");
  });
});

describe("describeDuration", () => {
  it("reads minutes as days and hours", () => {
    expect(describeDuration(1800)).toBe("1天6小时");
    expect(describeDuration(240)).toBe("4小时");
    expect(describeDuration(90)).toBe("1小时30分钟");
    expect(describeDuration(2880)).toBe("2天");
  });
});
