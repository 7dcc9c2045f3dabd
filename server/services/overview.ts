import type { Db } from "../db/client";
import { BURDEN_KINDS, type BurdenKind } from "../domain/burdenKinds";
import type { RegionMetrics } from "../domain/metrics";
import { ancestorCodesOf } from "../domain/regions";
import { departmentLeague } from "./departmentLeague";
import { metricsFor, periodsEnding, previousPeriod, regionInfo, scoreSettingsFor } from "./metrics";
import { peerScores, scoreTrendAgainstPeers } from "./rankings";
import { DASHBOARD_STALE_MS, sharedRead } from "./sharedRead";

export interface Headline {
  key: string;
  label: string;
  unit: string;
  value: number;
  previous: number;
}

function headlines(now: RegionMetrics, before: RegionMetrics): Headline[] {
  const kind = (m: RegionMetrics, k: BurdenKind) => m.kinds.find((x) => x.kind === k)!;
  const pick = (key: string, label: string, unit: string, of: (m: RegionMetrics) => number): Headline => ({
    key,
    label,
    unit,
    value: of(now),
    previous: of(before),
  });
  const perVillage = (n: number, m: RegionMetrics) => (m.villages > 0 ? n / m.villages : 0);
  return [
    pick("forms", "村均填报表格", "次/村", (m) => kind(m, "FORM").perVillage),
    pick("groups", "村均工作群和政务APP", "个/村", (m) => kind(m, "WORK_GROUP").perVillage),
    pick("proofs", "村均留痕要求", "次/村", (m) => kind(m, "PROOF_DEMAND").perVillage),
    pick("signs", "村均不合规挂牌", "块/村", (m) => perVillage(kind(m, "SIGNBOARD").violationUnits, m)),
    pick("certificates", "村均负面清单证明", "件/村", (m) => perVillage(kind(m, "CERTIFICATE").violationUnits, m)),
    pick("hours", "村均负担工时", "小时/村", (m) => m.hoursPerVillage),
    pick("violations", "违规事项（村次）", "村次", (m) => m.violationUnits),
    pick("violationRate", "违规占比", "%", (m) => m.violationRate * 100),
  ];
}

/**
 * Everything 总览 shows for one region and month, shared by everyone asking at once; while it is being
 * recomputed under load the last answer serves, at most DASHBOARD_STALE_MS old (`asOf` says when).
 */
export function overview(db: Db, regionCode: string, period: number) {
  return sharedRead(db, `overview|${regionCode}|${period}`, () => computeOverview(db, regionCode, period), {
    staleMs: DASHBOARD_STALE_MS,
  });
}

async function computeOverview(db: Db, regionCode: string, period: number) {
  const asOf = new Date();
  const region = await regionInfo(db, regionCode);
  const settings = await scoreSettingsFor(db, regionCode);
  const trendPeriods = periodsEnding(period, 12);
  const previous = previousPeriod(period);
  const periods = [...new Set([...trendPeriods, previous])];
  const own = (await metricsFor(db, [region], ancestorCodesOf(regionCode), periods, settings.minutes)).get(regionCode)!;
  const now = own.get(period)!;
  const before = own.get(previous)!;
  const children = region.level < 5 ? await peerScores(db, regionCode, period, { replicates: 0, fresh: true }) : null;
  const departments = await departmentLeague(db, region, period, period, settings.minutes);
  return {
    region,
    period,
    asOf,
    previousPeriod: previous,
    headlines: headlines(now, before),
    byKind: now.kinds.map((k) => ({
      kind: k.kind,
      perVillage: k.perVillage,
      hoursPerVillage: k.hoursPerVillage,
      violationRate: k.violationRate,
      units: k.units,
      violationUnits: k.violationUnits,
    })),
    trend: trendPeriods.map((p) => {
      const m = own.get(p)!;
      return {
        period: p,
        hoursPerVillage: m.hoursPerVillage,
        ...Object.fromEntries(m.kinds.map((k) => [k.kind, k.perVillage])),
      } as { period: number; hoursPerVillage: number } & Record<BurdenKind, number>;
    }),
    children:
      children?.peers.map((c) => ({
        code: c.code,
        name: c.name,
        villages: c.villages,
        score: c.score,
        band: c.band,
        hoursPerVillage: c.hoursPerVillage,
        violationRate: c.violationRate,
        hoursByKind: Object.fromEntries(c.metrics.kinds.map((k) => [k.kind, k.hoursPerVillage])) as Record<
          BurdenKind,
          number
        >,
        formsPerVillage: c.metrics.kinds.find((k) => k.kind === "FORM")!.perVillage,
      })) ?? [],
    childrenRanked: children?.ranked ?? false,
    departments: departments
      .slice(0, 10)
      .map((d) => ({ name: d.name, hours: d.hours, hoursByKind: d.hoursByKind, violationUnits: d.violationUnits })),
  };
}

/** 地区详情: score breakdown among the region's peers, score trend against their median, worst departments. */
export async function regionScoreDetail(db: Db, regionCode: string, period: number) {
  const region = await regionInfo(db, regionCode);
  const parentCode = ancestorCodesOf(regionCode).pop() ?? null;
  const settings = await scoreSettingsFor(db, regionCode);
  const standing = parentCode
    ? ((await peerScores(db, parentCode, period, { replicates: 0 })).peers.find((p) => p.code === regionCode) ?? null)
    : null;
  const trend = await scoreTrendAgainstPeers(db, regionCode, periodsEnding(period, 12));
  const departments = await departmentLeague(db, region, periodsEnding(period, 12)[0]!, period, settings.minutes);
  return {
    region,
    period,
    settings: { baselinePeriod: settings.baselinePeriod, weights: settings.weights },
    standing: standing && {
      score: standing.score,
      band: standing.band,
      breakdown: standing.breakdown,
      rank: standing.rank,
      previousScore: standing.previousScore,
    },
    trend,
    worstDepartments: departments.slice(0, 5).map((d) => ({
      name: d.name,
      hours: d.hours,
      hoursPerVillageReached: d.hoursPerVillageReached,
      violationUnits: d.violationUnits,
    })),
    kinds: BURDEN_KINDS,
  };
}
