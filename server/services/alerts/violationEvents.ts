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
import {
  type AlertEventDraft,
  type AlertEventMessage,
  publishAlertEvents,
  toAlertDto,
  writeAlertEvents,
} from "./alertEvents";

export interface NewRecord {
  id: string;
  kind: string;
  title: string;
  scopeRegionCode: string;
  period: number;
  isViolation: boolean;
  departmentId: string;
}

/**
 * One event per record up to this many new violations on one alert in one write;
 * beyond it (a ledger import) one event lists them, so an inspector gets one toast,
 * one notification and one timeline line instead of hundreds, and still sees which
 * records and which departments.
 */
export const GROUP_ABOVE = 10;
/** Records listed in a grouped event (its payload is pushed to every inspector's socket). */
export const LISTED_RECORDS = 200;

interface AnnouncedRecord {
  id: string;
  title: string;
  kind: string;
  department: string;
  villages: number;
}

const kindName = (kind: string) => BURDEN_KIND_NAMES[kind as BurdenKind] ?? kind;

function recordNote(department: string, title: string, kind: string, villages: number) {
  return `${department}「${title}」（${kindName(kind)}，涉及 ${villages} 个村）`;
}

/** The payload of one event standing for many new violating records: every department, the first records. */
export function groupedViolations(records: AnnouncedRecord[]) {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.department, (counts.get(r.department) ?? 0) + 1);
  const departments = [...counts]
    .map(([name, count]) => ({ name, records: count }))
    .sort((a, b) => b.records - a.records);
  const villageTimes = records.reduce((sum, r) => sum + r.villages, 0);
  const listed = departments.map((d) => `${d.name} ${d.records} 条`).join("、");
  return {
    count: records.length,
    departments,
    records: records.slice(0, LISTED_RECORDS).map(({ kind: _kind, ...r }) => r),
    note: `新增 ${records.length} 条违规要求（${kindName(records[0]!.kind)}，${listed}），共涉及 ${villageTimes} 村次`,
  };
}

export async function announceViolations(db: Db, records: NewRecord[], now = new Date()): Promise<AlertEventMessage[]> {
  const violating = records.filter((r) => r.isViolation && r.scopeRegionCode.length >= 6);
  if (violating.length === 0) return [];
  try {
    const counties = [...new Set(violating.map((r) => r.scopeRegionCode.slice(0, 6)))];
    const open = await openEpisodes(db, counties, [...new Set(violating.map((r) => `VIOLATION_${r.kind}`))]);
    if (open.length === 0) return [];
    const alertOf = new Map(open.map((a) => [`${a.regionCode}|${a.ruleKey}`, a]));
    const announced = violating.filter((r) => alertOf.has(`${r.scopeRegionCode.slice(0, 6)}|VIOLATION_${r.kind}`));
    const departments = new Map(
      (await findDepartmentsByIds(db, [...new Set(announced.map((r) => r.departmentId))])).map((d) => [d.id, d.name]),
    );
    const names = await regionNames(db, counties);
    // A national ledger reaches tens of thousands of villages: stay under SQLite's bound on parameters.
    const scopes = [...new Set(announced.map((r) => r.scopeRegionCode))];
    const villages = new Map<string, number>();
    for (let i = 0; i < scopes.length; i += 5000)
      for (const r of await findRegionSizes(db, scopes.slice(i, i + 5000))) villages.set(r.code, villagesUnder(r));
    const byAlert = new Map<string, { alert: (typeof open)[number]; records: AnnouncedRecord[] }>();
    for (const record of announced) {
      const alert = alertOf.get(`${record.scopeRegionCode.slice(0, 6)}|VIOLATION_${record.kind}`);
      if (!alert) continue;
      const entry = byAlert.get(alert.id) ?? { alert, records: [] };
      entry.records.push({
        id: record.id,
        title: record.title,
        kind: record.kind,
        department: departments.get(record.departmentId) ?? "未知部门",
        villages: villages.get(record.scopeRegionCode) ?? 0,
      });
      byAlert.set(alert.id, entry);
    }
    const drafts = [...byAlert.values()].flatMap(({ alert, records }): AlertEventDraft[] => {
      const base = {
        alertId: alert.id,
        regionCode: alert.regionCode,
        type: "NEW_VIOLATION",
      };
      const dto = toAlertDto(alert, names.get(alert.regionCode) ?? alert.regionCode, now);
      if (records.length > GROUP_ABOVE) return [{ ...base, payload: { alert: dto, ...groupedViolations(records) } }];
      return records.map(({ kind, ...record }) => ({
        ...base,
        payload: { alert: dto, record, note: recordNote(record.department, record.title, kind, record.villages) },
      }));
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
