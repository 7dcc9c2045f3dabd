// Normalised supervision metrics (domain.md §4): per-village rates with scope
// propagation, violation rates and burden hours.
import { BURDEN_KINDS, DEFAULT_MINUTES, type BurdenKind } from "./burdenKinds";

/** Standard minutes per unit; MECHANISM_POST is a mechanism with a dedicated post (专人专岗). */
export type MinutesConfig = Record<BurdenKind, number> & { MECHANISM_POST: number };

export const DEFAULT_MINUTES_CONFIG: MinutesConfig = { ...DEFAULT_MINUTES, MECHANISM_POST: 960 };

export function isDedicatedPost(kind: string, details: Record<string, unknown> | null | undefined): boolean {
  return kind === "MECHANISM" && details?.dedicatedPost === true;
}

/** One stored aggregate row (see MetricAggregate in schema.prisma). */
export interface AggregateRow {
  regionCode: string;
  period: number;
  kind: string;
  units: number;
  violationUnits: number;
  dedicatedPostUnits: number;
  records: number;
  directUnits: number;
  directViolationUnits: number;
  directPostUnits: number;
}

/** A record's contribution: units × villages reached, to its scope and every ancestor. */
export interface RecordContribution {
  scopeRegionCode: string;
  period: number;
  kind: string;
  units: number;
  isViolation: boolean;
  dedicatedPost: boolean;
  /** Village-level units below the scope (1 for a village itself). */
  scopeVillages: number;
}

export interface KindTotals {
  /** Σ over villages of units burdening each village. */
  units: number;
  violationUnits: number;
  postUnits: number;
}

const ZERO: KindTotals = { units: 0, violationUnits: 0, postUnits: 0 };

/**
 * Totals for a region of `villages` village-level units: what is scoped inside
 * it (`own`, already weighted) plus what is scoped to its ancestors
 * (`ancestorDirect`, unweighted), which reaches every one of its villages.
 */
export function propagate(
  own: AggregateRow | undefined,
  ancestorDirect: readonly AggregateRow[],
  villages: number,
): KindTotals {
  const totals = own
    ? { units: own.units, violationUnits: own.violationUnits, postUnits: own.dedicatedPostUnits }
    : { ...ZERO };
  for (const a of ancestorDirect) {
    totals.units += a.directUnits * villages;
    totals.violationUnits += a.directViolationUnits * villages;
    totals.postUnits += a.directPostUnits * villages;
  }
  return totals;
}

export interface KindMetrics {
  kind: BurdenKind;
  units: number;
  perVillage: number;
  violationUnits: number;
  violationRate: number;
  hours: number;
  hoursPerVillage: number;
}

export function hoursOf(kind: BurdenKind, totals: KindTotals, minutes: MinutesConfig): number {
  const standard = totals.units - totals.postUnits;
  return (
    (standard * minutes[kind] + totals.postUnits * (kind === "MECHANISM" ? minutes.MECHANISM_POST : minutes[kind])) / 60
  );
}

export function kindMetrics(
  kind: BurdenKind,
  totals: KindTotals,
  villages: number,
  minutes: MinutesConfig,
): KindMetrics {
  const hours = hoursOf(kind, totals, minutes);
  return {
    kind,
    units: totals.units,
    perVillage: villages > 0 ? totals.units / villages : 0,
    violationUnits: totals.violationUnits,
    violationRate: totals.units > 0 ? totals.violationUnits / totals.units : 0,
    hours,
    hoursPerVillage: villages > 0 ? hours / villages : 0,
  };
}

export interface RegionMetrics {
  villages: number;
  kinds: KindMetrics[];
  hoursPerVillage: number;
  units: number;
  violationUnits: number;
  violationRate: number;
}

/** All kinds for one region and period from its own rows and its ancestors' direct rows. */
export function regionMetrics(
  own: readonly AggregateRow[],
  ancestorDirect: readonly AggregateRow[],
  villages: number,
  minutes: MinutesConfig,
): RegionMetrics {
  const kinds = BURDEN_KINDS.map((kind) =>
    kindMetrics(
      kind,
      propagate(
        own.find((r) => r.kind === kind),
        ancestorDirect.filter((r) => r.kind === kind),
        villages,
      ),
      villages,
      minutes,
    ),
  );
  const units = kinds.reduce((s, k) => s + k.units, 0);
  const violationUnits = kinds.reduce((s, k) => s + k.violationUnits, 0);
  return {
    villages,
    kinds,
    hoursPerVillage: kinds.reduce((s, k) => s + k.hoursPerVillage, 0),
    units,
    violationUnits,
    violationRate: units > 0 ? violationUnits / units : 0,
  };
}

/**
 * Villages reached by a set of scopes without double counting: a scope inside
 * another adds nothing (scopes nest as a tree of codes).
 */
export function villagesReached(scopes: readonly { code: string; villages: number }[]): number {
  const unique = [...new Map(scopes.map((s) => [s.code, s])).values()].sort((a, b) => a.code.length - b.code.length);
  const kept: typeof unique = [];
  for (const scope of unique) if (!kept.some((k) => scope.code.startsWith(k.code))) kept.push(scope);
  return kept.reduce((sum, s) => sum + s.villages, 0);
}

export function previousPeriod(period: number): number {
  const month = period % 100;
  return month === 1 ? (Math.floor(period / 100) - 1) * 100 + 12 : period - 1;
}

/** Every month from `from` to `to` inclusive (yyyymm), oldest first. */
export function periodsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let p = to; p >= from; p = previousPeriod(p)) out.unshift(p);
  return out;
}

export function periodsEnding(period: number, count: number): number[] {
  const out = [period];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}
