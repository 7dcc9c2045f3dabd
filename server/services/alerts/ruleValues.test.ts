import { describe, expect, it } from "vitest";
import { BURDEN_KINDS } from "../../domain/burdenKinds";
import { DEFAULT_RULES } from "../../domain/defaultRules";
import type { RegionMetrics } from "../../domain/metrics";
import type { EffectiveRule } from "./alertRules";
import { ruleValue } from "./ruleValues";

const rule: EffectiveRule = {
  ...DEFAULT_RULES.find((r) => r.ruleKey === "VIOLATION_INSPECTION")!,
  id: "r1",
  recoveryPeriods: 1,
  version: 1,
  regionCode: "",
  enabled: true,
};
const region = { code: "220103", name: "宽城区", level: 3, villages: 173 };
const metrics: RegionMetrics = {
  villages: 173,
  kinds: BURDEN_KINDS.map((kind) => ({
    kind,
    units: 519,
    perVillage: 3,
    violationUnits: kind === "INSPECTION" ? 519 : 0,
    violationRate: 1,
    hours: 0,
    hoursPerVillage: 0,
  })),
  hoursPerVillage: 0,
  units: 519,
  violationUnits: 519,
  violationRate: 1,
};
const context = { peers: async () => [], counts: async () => [] };

describe("violation summary", () => {
  it("says 违规 once, with the demands, the villages they reach and the clause", async () => {
    const value = await ruleValue(rule, region, 202605, metrics, {
      ...context,
      violations: async () => ({ records: 2, villages: 173 }),
    });
    expect(value!.summary).toBe(
      "宽城区 2026年5月：督查检查考核违规要求 2 条，涉及 173 个村（519 村次）（《意见》第3条）",
    );
    expect(value!.summary.match(/违规/g)).toHaveLength(1);
  });

  it("falls back to 村次 when the demands are not counted", async () => {
    const value = await ruleValue(rule, region, 202605, metrics, context);
    expect(value!.summary).toBe("宽城区 2026年5月：督查检查考核违规 519 村次（《意见》第3条）");
  });
});
