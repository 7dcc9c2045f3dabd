// A violation alert is a county total (“519 村次”), so a new violating record
// inside an open episode would only bump a number. Each new violating record
// is therefore an event of its own on the alert (新增违规: which record, which
// department), pushed like any other event.
import type { Db } from "../../db/client";
import { openEpisodes } from "../../db/alertRepository";
import { findDepartmentsByIds } from "../../db/departmentRepository";
import { findRegionSizes, regionNames } from "../../db/regionRepository";
import { villagesUnder } from "../../domain/regions";
import { BURDEN_KIND_NAMES, type BurdenKind } from "../../domain/burdenKinds";
import { publishAlertEvents, toAlertDto, writeAlertEvents, type AlertEventMessage } from "./alertEvents";

export interface NewRecord {
  id: string;
  kind: string;
  title: string;
  scopeRegionCode: string;
  period: number;
  isViolation: boolean;
  departmentId: string;
}

export async function announceViolations(db: Db, records: NewRecord[], now = new Date()): Promise<AlertEventMessage[]> {
  const violating = records.filter((r) => r.isViolation && r.scopeRegionCode.length >= 6);
  if (violating.length === 0) return [];
  try {
    const counties = [...new Set(violating.map((r) => r.scopeRegionCode.slice(0, 6)))];
    const open = await openEpisodes(db, counties, [...new Set(violating.map((r) => `VIOLATION_${r.kind}`))]);
    if (open.length === 0) return [];
    const departments = new Map(
      (
        await findDepartmentsByIds(
          db,
          violating.map((r) => r.departmentId),
        )
      ).map((d) => [d.id, d.name]),
    );
    const names = await regionNames(db, counties);
    const villages = new Map(
      (
        await findRegionSizes(
          db,
          violating.map((r) => r.scopeRegionCode),
        )
      ).map((r) => [r.code, villagesUnder(r)]),
    );
    const drafts = violating.flatMap((record) => {
      const alert = open.find(
        (a) => a.regionCode === record.scopeRegionCode.slice(0, 6) && a.ruleKey === `VIOLATION_${record.kind}`,
      );
      if (!alert) return [];
      const department = departments.get(record.departmentId) ?? "未知部门";
      const reached = villages.get(record.scopeRegionCode) ?? 0;
      return [
        {
          alertId: alert.id,
          regionCode: alert.regionCode,
          type: "NEW_VIOLATION",
          payload: {
            alert: toAlertDto(alert, names.get(alert.regionCode) ?? alert.regionCode, now),
            record: { id: record.id, title: record.title, department, villages: reached },
            note: `${department}「${record.title}」（${BURDEN_KIND_NAMES[record.kind as BurdenKind] ?? record.kind}，涉及 ${reached} 个村）`,
          },
        },
      ];
    });
    if (drafts.length === 0) return [];
    const events = await db.$transaction((tx) => writeAlertEvents(tx, drafts));
    publishAlertEvents(events);
    return events;
  } catch (error) {
    // The record is already committed; the next evaluation still shows the alert.
    console.error("新增违规事件写入失败", error);
    return [];
  }
}
