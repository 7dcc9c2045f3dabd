import type { Db } from "../db/client";
import { currentPeriod, latestPastPeriod } from "../domain/burdenRecord";
import {
  findAggregates,
  insertScoreConfig,
  latestPeriodWithData,
  latestScoreConfig,
  periodsWithData,
} from "../db/metricRepository";
import { listChildren } from "../db/regionRepository";
import { BURDEN_KINDS, type BurdenKind } from "../domain/burdenKinds";
import {
  DEFAULT_MINUTES_CONFIG,
  periodsEnding,
  previousPeriod,
  regionMetrics,
  type AggregateRow,
  type MinutesConfig,
  type RegionMetrics,
} from "../domain/metrics";
import { ancestorCodesOf } from "../domain/regions";
import { EQUAL_WEIGHTS, type Weights } from "../domain/scoring";
import { getRegionOrThrow } from "./regions";

export interface ScoreSettings {
  weights: Weights;
  minutes: MinutesConfig;
  baselinePeriod: number;
  version: number | null;
  ownerRegionCode: string | null;
}

/** The score settings that apply to a region: its own or its nearest ancestor's latest version. */
export async function scoreSettingsFor(db: Db, regionCode: string): Promise<ScoreSettings> {
  const chain = ["", ...ancestorCodesOf(regionCode), regionCode];
  const configs = await latestScoreConfig(db, chain);
  const nearest =
    configs.sort((a, b) => b.regionCode.length - a.regionCode.length || b.version - a.version)[0] ??
    (await persistDefaultBaseline(db));
  // The stored default is still "the default": only its baseline month is frozen.
  if (nearest && nearest.regionCode === "" && nearest.createdById === null)
    return {
      weights: EQUAL_WEIGHTS,
      minutes: DEFAULT_MINUTES_CONFIG,
      baselinePeriod: nearest.baselinePeriod,
      version: null,
      ownerRegionCode: null,
    };
  if (nearest) {
    return {
      weights: { ...EQUAL_WEIGHTS, ...(nearest.weights as Partial<Weights>) },
      minutes: { ...DEFAULT_MINUTES_CONFIG, ...(nearest.minutesPerUnit as Partial<MinutesConfig>) },
      baselinePeriod: nearest.baselinePeriod,
      version: nearest.version,
      ownerRegionCode: nearest.regionCode,
    };
  }
  const latest = (await latestPeriodWithData(db)) ?? currentPeriod();
  return {
    weights: EQUAL_WEIGHTS,
    minutes: DEFAULT_MINUTES_CONFIG,
    baselinePeriod: Math.floor(latest / 100) * 100 + 1,
    version: null,
    ownerRegionCode: null,
  };
}

/**
 * Frozen means frozen (domain.md §4): the first time scores are computed with
 * no saved settings, the default baseline (January of the latest year with
 * data, never later than the current month) is stored nationally, so a later
 * or future-dated record cannot move the goalposts. Null before any data.
 */
async function persistDefaultBaseline(db: Db) {
  const latest = await latestPeriodWithData(db);
  if (latest === null) return undefined;
  const baselinePeriod = Math.floor(Math.min(latest, currentPeriod()) / 100) * 100 + 1;
  try {
    return await insertScoreConfig(db, {
      regionCode: "",
      version: 1,
      weights: EQUAL_WEIGHTS,
      minutesPerUnit: DEFAULT_MINUTES_CONFIG,
      baselinePeriod,
      createdById: null,
    });
  } catch {
    // Another request stored it first.
    return (await latestScoreConfig(db, [""]))[0];
  }
}

export { currentPeriod };

/**
 * Latest month with data inside a region that is not in the future (for default
 * pickers): a record typed with next year's date must not make the dashboards open on an empty month.
 */
export async function defaultPeriod(db: Db, regionCode: string, now = new Date()): Promise<number> {
  return latestPastPeriod(await periodsWithData(db, [regionCode]), now) ?? currentPeriod(now);
}

export async function availablePeriods(db: Db, regionCode: string): Promise<number[]> {
  return periodsWithData(db, [...ancestorCodesOf(regionCode), regionCode]);
}

export interface RegionInfo {
  code: string;
  name: string;
  level: number;
  villages: number;
}

/**
 * Metrics of several regions that share one chain of ancestors (a region, or
 * the children of one parent), for several periods, in two queries.
 */
export async function metricsFor(
  db: Db,
  regions: RegionInfo[],
  sharedAncestors: string[],
  periods: number[],
  minutes: MinutesConfig,
): Promise<Map<string, Map<number, RegionMetrics>>> {
  const chain = [...new Set(sharedAncestors)];
  const [own, above] = await Promise.all([
    findAggregates(
      db,
      regions.map((r) => r.code),
      periods,
    ),
    findAggregates(db, chain, periods),
  ]);
  const rowsOf = (rows: AggregateRow[], code: string, period: number) =>
    rows.filter((r) => r.regionCode === code && r.period === period);
  const out = new Map<string, Map<number, RegionMetrics>>();
  for (const region of regions) {
    const ancestors = chain.filter((a) => a !== region.code && region.code.startsWith(a));
    const byPeriod = new Map<number, RegionMetrics>();
    for (const period of periods) {
      const direct = above.filter((r) => r.period === period && ancestors.includes(r.regionCode));
      byPeriod.set(period, regionMetrics(rowsOf(own, region.code, period), direct, region.villages, minutes));
    }
    out.set(region.code, byPeriod);
  }
  return out;
}

export function toRegionInfo(r: {
  code: string;
  name: string;
  level: number;
  villageCount: number;
  communityCount: number;
}): RegionInfo {
  return { code: r.code, name: r.name, level: r.level, villages: r.villageCount + r.communityCount };
}

export async function regionInfo(db: Db, code: string): Promise<RegionInfo> {
  return toRegionInfo(await getRegionOrThrow(db, code));
}

export async function childrenInfo(db: Db, code: string): Promise<RegionInfo[]> {
  return (await listChildren(db, code)).map(toRegionInfo);
}

/** Per-village rates by kind, the input of the burden score. */
export function ratesOf(metrics: RegionMetrics | undefined): Record<BurdenKind, number> {
  return Object.fromEntries(
    BURDEN_KINDS.map((k) => [k, metrics?.kinds.find((m) => m.kind === k)?.perVillage ?? 0]),
  ) as Record<BurdenKind, number>;
}

export { periodsEnding, previousPeriod };
