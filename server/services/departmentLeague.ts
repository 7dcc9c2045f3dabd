import type { Db } from "../db/client";
import { findDepartmentsByIds } from "../db/departmentRepository";
import {
  departmentScopes,
  departmentTotalsAt,
  departmentTotalsInSubtree,
  type DepartmentRow,
} from "../db/metricRepository";
import { BURDEN_KINDS, type BurdenKind } from "../domain/burdenKinds";
import { hoursOf, periodsBetween, villagesReached, type MinutesConfig } from "../domain/metrics";
import { ancestorCodesOf, subtreeRange } from "../domain/regions";

export interface DepartmentStanding {
  departmentId: string;
  name: string;
  hours: number;
  hoursByKind: Record<BurdenKind, number>;
  villagesReached: number;
  hoursPerVillageReached: number;
  violationUnits: number;
  units: number;
  violationRate: number;
  records: number;
}

/**
 * Hours each department imposes on the villages of a region over a period
 * range: demands scoped inside count for the villages of their scope, demands
 * scoped above count for every village of the region.
 */
export async function departmentLeague(
  db: Db,
  region: { code: string; villages: number },
  from: number,
  to: number,
  minutes: MinutesConfig,
): Promise<DepartmentStanding[]> {
  const range = subtreeRange(region.code);
  const periods = periodsBetween(from, to);
  const [inside, above, scopes] = await Promise.all([
    departmentTotalsInSubtree(db, range, periods),
    departmentTotalsAt(db, ancestorCodesOf(region.code), periods),
    departmentScopes(db, range, periods),
  ]);
  const weightedAbove: DepartmentRow[] = above.map((r) => ({
    ...r,
    units: Number(r.units) * region.villages,
    violationUnits: Number(r.violationUnits) * region.villages,
  }));
  const byDepartment = new Map<
    string,
    {
      units: Record<BurdenKind, { all: number; post: number }>;
      violationUnits: number;
      records: number;
      above: boolean;
    }
  >();
  for (const [rows, fromAbove] of [
    [inside, false],
    [weightedAbove, true],
  ] as const) {
    for (const r of rows) {
      let entry = byDepartment.get(r.departmentId);
      if (!entry) {
        entry = {
          units: Object.fromEntries(BURDEN_KINDS.map((k) => [k, { all: 0, post: 0 }])) as Record<
            BurdenKind,
            { all: number; post: number }
          >,
          violationUnits: 0,
          records: 0,
          above: false,
        };
        byDepartment.set(r.departmentId, entry);
      }
      const kind = r.kind as BurdenKind;
      entry.units[kind].all += Number(r.units);
      if (r.dedicatedPost === true || r.dedicatedPost === 1) entry.units[kind].post += Number(r.units);
      entry.violationUnits += Number(r.violationUnits);
      entry.records += Number(r.records);
      entry.above ||= fromAbove;
    }
  }
  const scopesByDepartment = new Map<string, { code: string; villages: number }[]>();
  for (const s of scopes)
    scopesByDepartment.set(s.departmentId, [
      ...(scopesByDepartment.get(s.departmentId) ?? []),
      { code: s.code, villages: Number(s.villages) },
    ]);
  const names = new Map((await findDepartmentsByIds(db, [...byDepartment.keys()])).map((d) => [d.id, d.name]));
  return [...byDepartment.entries()]
    .map(([departmentId, entry]) => {
      const hoursByKind = Object.fromEntries(
        BURDEN_KINDS.map((k) => [
          k,
          hoursOf(k, { units: entry.units[k].all, violationUnits: 0, postUnits: entry.units[k].post }, minutes),
        ]),
      ) as Record<BurdenKind, number>;
      const hours = BURDEN_KINDS.reduce((s, k) => s + hoursByKind[k], 0);
      const reached = entry.above ? region.villages : villagesReached(scopesByDepartment.get(departmentId) ?? []);
      const units = BURDEN_KINDS.reduce((s, k) => s + entry.units[k].all, 0);
      return {
        departmentId,
        name: names.get(departmentId) ?? departmentId,
        hours,
        hoursByKind,
        villagesReached: reached,
        hoursPerVillageReached: reached > 0 ? hours / reached : 0,
        violationUnits: entry.violationUnits,
        units,
        violationRate: units > 0 ? entry.violationUnits / units : 0,
        records: entry.records,
      };
    })
    .sort((a, b) => b.hours - a.hours);
}
