import { describe, expect, it } from "vitest";
import {
  currentPeriod,
  fieldProblems,
  latestPastPeriod,
  occurredOnProblem,
  periodOf,
  scopeProblem,
} from "./burdenRecord";
import { ledgerColumns, parseLedgerRow } from "./ledger";

const utc = (iso: string) => new Date(`${iso}Z`);

describe("record dates and months", () => {
  it("counts months in Beijing time: 20:00 UTC on 30 November is already December", () => {
    expect(currentPeriod(utc("2026-11-30T15:59:59"))).toBe(202611);
    expect(currentPeriod(utc("2026-11-30T16:00:00"))).toBe(202612);
    expect(periodOf(utc("2026-12-01T12:00:00"))).toBe(202612);
  });

  it("accepts any day of the current month, refuses the next month and anything before 2000", () => {
    const now = utc("2026-11-29T08:00:00");
    expect(occurredOnProblem(utc("2026-11-30T12:00:00"), now)).toBeNull();
    expect(occurredOnProblem(utc("2000-01-01T00:00:00"), now)).toBeNull();
    expect(occurredOnProblem(utc("2026-12-01T12:00:00"), now)).toBe("发生日期不能晚于本月月底（2026年11月）");
    expect(occurredOnProblem(utc("1999-12-31T12:00:00"), now)).toBe("发生日期不能早于2000年1月1日");
    expect(occurredOnProblem(new Date(Number.NaN), now)).toBe("发生日期无效");
  });

  it("opens dashboards on the latest month that is not in the future", () => {
    const now = utc("2026-11-29T08:00:00");
    expect(latestPastPeriod([202609, 202611, 202701], now)).toBe(202611);
    expect(latestPastPeriod([202701], now)).toBeUndefined();
  });
});

describe("field and scope rules", () => {
  it("names every bad field once", () => {
    const problems = fieldProblems(
      { title: " ", units: 1.5, occurredOn: utc("2026-11-01T12:00:00"), evidence: "x".repeat(2001) },
      utc("2026-11-29T08:00:00"),
    );
    expect(problems).toEqual([
      { field: "title", message: "请填写事项名称" },
      { field: "units", message: "数量应为1至10000的整数" },
      { field: "evidence", message: "佐证说明不能超过2000个字" },
    ]);
  });

  it("tells a jurisdiction refusal from a malformed scope", () => {
    expect(scopeProblem("220104", "220103")).toEqual({
      forbidden: true,
      message: "下达范围 220104 不在您的管辖范围内",
    });
    expect(scopeProblem("2201", "22")?.forbidden).toBe(false);
    expect(scopeProblem("220103001", "220103")).toBeNull();
  });

  it("the ledger parser applies the same rules to its cells", () => {
    const columns = ledgerColumns("PROOF_DEMAND");
    const cells = (date: string, evidence: string) =>
      columns.map(
        (c) =>
          ({
            scopeRegionCode: "220103",
            department: "局",
            title: "截图",
            occurredOn: date,
            units: 1,
            "details.proof": "截图",
            evidence,
          })[c.key as "title"] ?? null,
      );
    const now = utc("2026-11-29T08:00:00");
    expect(parseLedgerRow("PROOF_DEMAND", columns, cells("2026-11-30", ""), 2, now).errors).toEqual([]);
    expect(parseLedgerRow("PROOF_DEMAND", columns, cells("3026-01-01", "证".repeat(200_000)), 2, now).errors).toEqual([
      { row: 2, column: "发生日期", reason: "发生日期不能晚于本月月底（2026年11月）" },
      { row: 2, column: "佐证说明", reason: "佐证说明不能超过2000个字" },
    ]);
  });
});
