import { describe, expect, it } from "vitest";
import {
  acceptanceSummary,
  defaultAction,
  defaultDeadline,
  isOverdue,
  rectificationRates,
  titleForRecords,
} from "./rectification";

const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe("rectification rules", () => {
  it("derives the action from the burden kind", () => {
    expect(defaultAction("FORM")).toBe("WITHDRAW");
    expect(defaultAction("WORK_GROUP")).toBe("DISSOLVE");
    expect(defaultAction("SIGNBOARD")).toBe("TAKE_DOWN");
    expect(defaultAction("CERTIFICATE")).toBe("STOP_CERTIFICATE");
  });

  it("gives critical items a week and warnings fifteen days, to the end of the Beijing day", () => {
    expect(defaultDeadline("CRITICAL", day("2026-11-01")).toISOString()).toBe("2026-11-08T15:59:59.000Z");
    expect(defaultDeadline("WARNING", day("2026-11-20")).toISOString()).toBe("2026-12-05T15:59:59.000Z");
  });

  it("is overdue only while not accepted", () => {
    const now = day("2026-11-10");
    expect(isOverdue({ state: "OPEN", deadline: day("2026-11-09"), closedAt: null }, now)).toBe(true);
    expect(isOverdue({ state: "SUBMITTED", deadline: day("2026-11-09"), closedAt: null }, now)).toBe(true);
    expect(isOverdue({ state: "CLOSED", deadline: day("2026-11-09"), closedAt: day("2026-11-10") }, now)).toBe(false);
    expect(isOverdue({ state: "OPEN", deadline: day("2026-11-11"), closedAt: null }, now)).toBe(false);
  });

  it("counts rectification and on-time rates", () => {
    const now = day("2026-11-20");
    const rates = rectificationRates(
      [
        { state: "CLOSED", deadline: day("2026-11-10"), closedAt: day("2026-11-09") }, // on time
        { state: "CLOSED", deadline: day("2026-11-10"), closedAt: day("2026-11-12") }, // late
        { state: "OPEN", deadline: day("2026-11-15"), closedAt: null }, // overdue
        { state: "SUBMITTED", deadline: day("2026-11-30"), closedAt: null }, // not yet decided
      ],
      now,
    );
    expect(rates).toMatchObject({ total: 4, closed: 2, open: 2, overdue: 1, closedOnTime: 1 });
    expect(rates.rectificationRate).toBe(0.5);
    expect(rates.onTimeRate).toBeCloseTo(1 / 3);
    expect(rectificationRates([], now).rectificationRate).toBeNull();
  });

  it("titles a group of records by department, month and kind", () => {
    expect(
      titleForRecords("宽城区卫生健康局", [
        { period: 202611, kindName: "填报表格" },
        { period: 202611, kindName: "填报表格" },
      ]),
    ).toBe("宽城区卫生健康局 2026年11月 2 项违规填报表格");
    expect(
      titleForRecords("县应急局", [
        { period: 202610, kindName: "挂牌" },
        { period: 202611, kindName: "填报表格" },
      ]),
    ).toBe("县应急局 2026年10月至2026年11月 2 项违规负担");
  });

  it("says what 销号 changed: withdrawn demands, ended lasting burdens, and what could not be done", () => {
    const none = {
      withdrawnRecords: [],
      endedRecords: [],
      failedRecords: [],
      alertResolved: false,
      exposureRectified: false,
    };
    expect(acceptanceSummary(none)).toBe("已销号");
    expect(acceptanceSummary({ ...none, withdrawnRecords: ["a", "b"], endedRecords: ["c"], alertResolved: true })).toBe(
      "已销号：撤回 2 条记录，1 项工作群、机制或挂牌记为今日解散（下月起不再计入），来源预警已标记为已处置",
    );
    expect(acceptanceSummary({ ...none, failedRecords: [{ id: "x", reason: "该记录已撤回，不能再修改" }] })).toBe(
      "已销号；1 条记录未能处理：该记录已撤回，不能再修改",
    );
  });
});
