import { describe, expect, it } from "vitest";
import { toAlertRecordDto, toTimelineEvent } from "./alerts";
import { toCatalogueVersionDto } from "./catalogue";
import { toExposureCaseDto } from "./exposure";

const at = new Date("2026-10-01T00:00:00Z");

describe("DTOs read stored JSON and strings once", () => {
  it("reads each alert event payload into one timeline shape", () => {
    const ack = toTimelineEvent({
      seq: 1,
      type: "ACKNOWLEDGED",
      createdAt: at,
      payload: { by: "张三", reason: "已核实" },
    });
    expect(ack).toMatchObject({ by: "张三", text: "已核实", value: null, escalatedTo: null });
    const note = toTimelineEvent({ seq: 2, type: "NOTE", createdAt: at, payload: { by: "李四", note: "下周复查" } });
    expect(note.text).toBe("下周复查");
    const both = toTimelineEvent({
      seq: 5,
      type: "ACKNOWLEDGED",
      createdAt: at,
      payload: { note: "备注", reason: "理由" },
    });
    expect(both.text).toBe("理由");
    const firing = toTimelineEvent({ seq: 3, type: "FIRING", createdAt: at, payload: { value: 4.5, alert: {} } });
    expect(firing).toMatchObject({ by: null, text: null, value: 4.5 });
    expect(toTimelineEvent({ seq: 4, type: "ESCALATED", createdAt: at, payload: null }).escalatedTo).toBeNull();
  });

  it("marks a record violating only when it has stored violations", () => {
    const row = { id: "r1", title: "表", kind: "FORM", units: 1, occurredOn: at, department: { name: "区民政局" } };
    expect(
      toAlertRecordDto({ ...row, violations: [{ clause: 3, code: "FORM_UNLISTED", reason: "未列入" }] }).violating,
    ).toBe(true);
    expect(toAlertRecordDto({ ...row, violations: [] }).violating).toBe(false);
    expect(() => toAlertRecordDto({ ...row, kind: "NOPE", violations: [] })).toThrow("类别无效");
  });

  it("refuses an unknown exposure state or catalogue instead of passing it on", () => {
    const base = {
      id: "c1",
      regionCode: "220103",
      departmentId: "d1",
      title: "t",
      demanded: "d",
      clause: 3,
      evidence: null,
      rectification: "r",
      deadline: at,
      alertId: null,
      recordId: null,
      createdById: "u1",
      approvedById: null,
      publishedAt: null,
      rectifiedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    expect(toExposureCaseDto({ ...base, state: "PUBLISHED" }).state).toBe("PUBLISHED");
    expect(() => toExposureCaseDto({ ...base, state: "LOST" })).toThrow("状态无效");
    const version = {
      id: "i1",
      itemKey: "k",
      version: 1,
      regionCode: "220103",
      name: "n",
      departmentId: null,
      details: null,
      validFrom: at,
      validTo: null,
      createdAt: at,
    };
    expect(toCatalogueVersionDto({ ...version, catalogue: "FORM_LIST" }).details).toEqual({});
    expect(() => toCatalogueVersionDto({ ...version, catalogue: "NOPE" })).toThrow("目录无效");
  });
});
