import type { Db } from "../../db/client";
import { acknowledgementHolds } from "../../domain/alerts";
import { BURDEN_KIND_NAMES, BURDEN_KINDS, type BurdenKind } from "../../domain/burdenKinds";
import { periodsEnding, previousPeriod } from "../../domain/metrics";
import { ancestorCodesOf } from "../../domain/regions";
import { median, overallParagraphs, suggestions, wholeRegionWord } from "../../domain/reportText";
import { departmentLeague } from "../departmentLeague";
import { publishedExposureCasesBefore } from "../../db/exposureRepository";
import { alertsOfMonth, recordCountsByKind, violatingRecordsOfMonth } from "../../db/monthlyReportRepository";
import { violationsOf } from "../dto/records";
import { EXPOSURE_STATE_NAMES, toExposureCaseDto } from "../dto/exposure";
import { metricsFor, regionInfo, scoreSettingsFor, type RegionInfo } from "../metrics";
import { peerScores } from "../rankings";

export const BAND_NAMES = ["", "较轻", "偏轻", "中等", "偏重", "较重"];

const monthRange = (period: number) => {
  const year = Math.floor(period / 100);
  const month = (period % 100) - 1;
  return {
    gte: new Date(Date.UTC(year, month, 1) - 8 * 3600_000),
    lt: new Date(Date.UTC(year, month + 1, 1) - 8 * 3600_000),
  };
};

async function recordCounts(db: Db, regionCode: string, periods: number[]) {
  const rows = await recordCountsByKind(db, regionCode, periods);
  const total = (p: number, filter: (r: (typeof rows)[number]) => boolean = () => true) =>
    rows.filter((r) => r.period === p && filter(r)).reduce((s, r) => s + r._count._all, 0);
  return { rows, total };
}

async function violationsByClause(db: Db, regionCode: string, period: number) {
  const records = await violatingRecordsOfMonth(db, regionCode, period, 20_000);
  const byClause = new Map<
    number,
    {
      clause: number;
      count: number;
      departments: Map<string, number>;
      examples: string[];
      reasons: Map<string, number>;
    }
  >();
  for (const r of records) {
    const violations = violationsOf(r.violations);
    const clauses = [...new Set(violations.map((v) => v.clause))];
    for (const clause of clauses) {
      const entry = byClause.get(clause) ?? {
        clause,
        count: 0,
        departments: new Map<string, number>(),
        examples: [] as string[],
        reasons: new Map<string, number>(),
      };
      entry.count += 1;
      entry.departments.set(r.department.name, (entry.departments.get(r.department.name) ?? 0) + 1);
      const reason = (violations.find((v) => v.clause === clause)?.reason ?? "").replace(/（《意见》第\d条）/, "");
      if (reason) entry.reasons.set(reason, (entry.reasons.get(reason) ?? 0) + 1);
      if (entry.examples.length < 3 && !entry.examples.some((e) => e.includes(r.title)))
        entry.examples.push(`${r.department.name}：${r.title}（${BURDEN_KIND_NAMES[r.kind as BurdenKind] ?? r.kind}）`);
      byClause.set(clause, entry);
    }
  }
  return [...byClause.values()]
    .sort((a, b) => b.count - a.count || a.clause - b.clause)
    .map((c) => ({
      clause: c.clause,
      count: c.count,
      topDepartments: [...c.departments.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, count]) => ({ name, count })),
      topReason: [...c.reasons.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
      examples: c.examples,
    }));
}

async function alertHandling(db: Db, regionCode: string, period: number, now: Date) {
  const { gte, lt } = monthRange(period);
  const alerts = await alertsOfMonth(db, regionCode, period, { gte, lt });
  const firing = alerts.filter((a) => a.firingAt);
  const acked = firing.filter((a) => a.human?.ackedAt);
  const minutes = acked
    .map((a) => (a.human!.ackedAt!.getTime() - a.firingAt!.getTime()) / 60_000)
    .filter((m) => m >= 0);
  const bySeverity = (s: string) => firing.filter((a) => a.severity === s).length;
  return {
    opened: firing.length,
    pending: alerts.filter((a) => a.state === "PENDING").length,
    acknowledged: acked.length,
    escalated: firing.filter((a) => (a.human?.escalationLevel ?? 0) > 0).length,
    resolved: firing.filter((a) => a.state === "RESOLVED" || a.human?.resolvedAt).length,
    unacknowledgedOpen: firing.filter(
      (a) => a.state === "FIRING" && !a.human?.resolvedAt && !acknowledgementHolds(a.human, a.value, now),
    ).length,
    medianAckMinutes: minutes.length ? median(minutes) : null,
    critical: bySeverity("CRITICAL"),
    warning: bySeverity("WARNING"),
    info: bySeverity("INFO"),
  };
}

async function exposureCases(db: Db, regionCode: string, period: number, now: Date) {
  const rows = await publishedExposureCasesBefore(db, regionCode, monthRange(period).lt, 30);
  return rows.map(({ department, ...row }) => {
    const c = toExposureCaseDto(row);
    return {
      title: c.title,
      department: department.name,
      clause: c.clause,
      deadline: c.deadline,
      stateName: EXPOSURE_STATE_NAMES[c.state],
      overdue: c.state !== "RECTIFIED" && c.deadline < now,
      publishedAt: c.publishedAt,
    };
  });
}

export type MonthlyReportData = Awaited<ReturnType<typeof monthlyReportData>>;

/** Everything the 月度减负监测报告 of one region and month says, gathered once. */
export async function monthlyReportData(db: Db, regionCode: string, period: number, now = new Date()) {
  const region: RegionInfo = await regionInfo(db, regionCode);
  const settings = await scoreSettingsFor(db, regionCode);
  const previous = previousPeriod(period);
  const trendPeriods = periodsEnding(period, 12);
  const own = (
    await metricsFor(
      db,
      [region],
      ancestorCodesOf(regionCode),
      [...new Set([...trendPeriods, previous])],
      settings.minutes,
    )
  ).get(regionCode)!;
  const m = own.get(period)!;
  const before = own.get(previous)!;
  const counts = await recordCounts(
    db,
    regionCode,
    trendPeriods.includes(previous) ? trendPeriods : [...trendPeriods, previous],
  );
  const kindCount = (p: number, kind: string) => counts.total(p, (r) => r.kind === kind);
  const byKind = BURDEN_KINDS.map((kind) => {
    const k = m.kinds.find((x) => x.kind === kind)!;
    return {
      kind,
      name: BURDEN_KIND_NAMES[kind],
      records: kindCount(period, kind),
      previousRecords: kindCount(previous, kind),
      perVillage: k.perVillage,
      hoursPerVillage: k.hoursPerVillage,
      violationUnits: k.violationUnits,
      violationRate: k.violationRate,
    };
  });
  const children =
    region.level < 5
      ? await peerScores(db, regionCode, period, { replicates: region.level < 4 ? 200 : 0, seed: period })
      : null;
  const departments = await departmentLeague(db, region, period, period, settings.minutes);
  const violations = await violationsByClause(db, regionCode, period);
  const alerts = await alertHandling(db, regionCode, period, now);
  const cases = await exposureCases(db, regionCode, period, now);

  const totals = {
    records: counts.total(period),
    previousRecords: counts.total(previous),
    violationRecords: counts.total(period, (r) => r.isViolation),
  };
  const overall = overallParagraphs({
    level: region.level,
    regionName: region.name,
    period,
    records: totals.records,
    previousRecords: totals.previousRecords,
    violationRecords: totals.violationRecords,
    violationRate: m.violationRate,
    previousViolationRate: before.violationRate,
    hoursPerVillage: m.hoursPerVillage,
    previousHoursPerVillage: before.hoursPerVillage,
    villages: region.villages,
    topKinds: [...byKind]
      .sort((a, b) => b.records - a.records)
      .slice(0, 3)
      .map((k) => ({ name: k.name, records: k.records })),
  });
  const departmentMedian = median(departments.map((d) => d.hours));
  const advice = suggestions({
    regionWord: wholeRegionWord(region.level, region.name),
    departmentsAbovePeers: departments
      .filter((d) => d.hours > 2 * departmentMedian && d.hours > 0)
      .map((d) => ({ name: d.name, hours: d.hours, median: departmentMedian, violationUnits: d.violationUnits })),
    worstChildren: children?.ranked
      ? children.peers.filter((p) => p.band === 5).map((p) => ({ name: p.name, band: p.band, score: p.score }))
      : [],
    risingKinds: byKind
      .filter(
        (k) => k.previousRecords > 0 && k.records >= k.previousRecords * 1.5 && k.records - k.previousRecords >= 5,
      )
      .map((k) => ({ name: k.name, now: k.records, before: k.previousRecords })),
    violationClauses: violations.map((v) => ({ clause: v.clause, count: v.count })),
    unacknowledgedAlerts: alerts.unacknowledgedOpen,
    overdueCases: cases.filter((c) => c.overdue).length,
    formMerges: null, // 一表通 overlap analysis, where it exists, feeds here
  });

  return {
    region,
    period,
    previousPeriod: previous,
    generatedAt: now,
    overall,
    totals,
    headline: {
      hoursPerVillage: m.hoursPerVillage,
      previousHoursPerVillage: before.hoursPerVillage,
      violationRate: m.violationRate,
      previousViolationRate: before.violationRate,
      units: m.units,
      violationUnits: m.violationUnits,
    },
    trend: trendPeriods.map((p) => ({
      period: p,
      records: counts.total(p),
      hoursPerVillage: own.get(p)!.hoursPerVillage,
    })),
    byKind,
    ranking: children
      ? {
          ranked: children.ranked,
          rows: children.peers.map((p) => ({
            name: p.name,
            score: p.score,
            previousScore: p.previousScore,
            rank: p.rank,
            previousRank: p.previousRank,
            interval: p.interval,
            band: p.band,
            bandName: BAND_NAMES[p.band] ?? "",
            hoursPerVillage: p.hoursPerVillage,
          })),
        }
      : null,
    departments: departments.slice(0, 10).map((d) => ({
      name: d.name,
      hours: d.hours,
      hoursPerVillageReached: d.hoursPerVillageReached,
      violationUnits: d.violationUnits,
      records: d.records,
    })),
    violations,
    alerts,
    cases,
    suggestions: advice,
  };
}
