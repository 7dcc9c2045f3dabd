import { describe, expect, it } from "vitest";
import { auditChanges, auditItem, formatAuditValue, type AuditNames } from "./auditFields";

const names: AuditNames = {
  departments: { d1: "宽城区卫生健康局", d2: "宽城区民政局" },
  regions: { "220103": "宽城区", "220103002": "兰家镇" },
  users: { u1: "张监测" },
};

describe("the audit log for people", () => {
  it("labels changed fields in Chinese and shows names instead of ids and codes", () => {
    const changes = auditChanges(
      {
        id: "r1",
        title: "村医巡诊表",
        departmentId: "d1",
        scopeRegionCode: "220103",
        units: 1,
        kind: "FORM",
        updatedAt: "2026-01-01T00:00:00.000Z",
      },
      {
        id: "r1",
        title: "村医巡诊表",
        departmentId: "d2",
        scopeRegionCode: "220103002",
        units: 2,
        kind: "FORM",
        updatedAt: "2026-02-01T00:00:00.000Z",
      },
      names,
    );
    expect(changes).toEqual([
      { key: "departmentId", label: "部门", before: "宽城区卫生健康局", after: "宽城区民政局" },
      { key: "scopeRegionCode", label: "下达范围", before: "宽城区", after: "兰家镇" },
      { key: "units", label: "数量", before: "1", after: "2" },
    ]);
  });
  it("lists every field of a creation, without bookkeeping columns", () => {
    const changes = auditChanges(
      null,
      { id: "x", kind: "CERTIFICATE", isViolation: true, occurredOn: "2026-03-05T00:00:00.000Z", createdById: "u1" },
      names,
    );
    expect(changes.map((c) => [c.label, c.after])).toEqual([
      ["类别", "证明事项"],
      ["是否违规", "是"],
      ["日期", "2026年3月5日"],
    ]);
  });
  it("writes nested details as labelled text, never JSON", () => {
    expect(formatAuditValue("details", { frequency: "每月", fillingsPerYear: 12, forcedCheckIn: true }, names)).toBe(
      "填报频次：每月，每年填报次数：12，是否强制打卡：是",
    );
  });
  it("says where a record or an item came from, a department's own report apart from a monitor's entry", () => {
    expect(formatAuditValue("source", "SELF_REPORT", names)).toBe("部门自报");
    expect(formatAuditValue("source", "MANUAL", names)).toBe("人工录入");
    expect(formatAuditValue("source", "DIRECT_REPORT", names)).toBe("村级直报");
    expect(formatAuditValue("source", "ALERT", names)).toBe("预警");
  });
  it("names the affected item and links its page", () => {
    expect(auditItem("BurdenRecord", null, { title: "村医巡诊表" })).toEqual({
      label: "村医巡诊表",
      href: "/records?text=%E6%9D%91%E5%8C%BB%E5%B7%A1%E8%AF%8A%E8%A1%A8",
    });
    expect(auditItem("User", null, { username: "leader" })).toEqual({ label: "leader", href: "/admin/users" });
  });
});
