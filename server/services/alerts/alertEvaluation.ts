import type { Db, Tx } from "../../db/client";
import { activeSilences, violatingRecordScopes } from "../../db/alertRepository";
import { findNewDemandCounts } from "../../db/metricRepository";
import { periodsEnding, villagesReached } from "../../domain/metrics";
import { activePointsWithReportCounts } from "../../db/directReportRepository";
import { findRegionSizes, listRegionsAtLevel, regionNames } from "../../db/regionRepository";
import { panelMoments } from "../../domain/surveillance";
import { ancestorCodesOf, codesByParent, levelOfCode, parentCodeOf, villagesUnder } from "../../domain/regions";
import type { AlertEventMessage } from "./alertEvents";
import { applyRuleValues, type ComputedValue } from "./episodeWrites";
import { effectiveRules, effectiveRulesFor, type EffectiveRule } from "./alertRules";
import { formatPeriod, ruleValue } from "./ruleValues";
import { childrenInfo, metricsFor, regionInfo, scoreSettingsFor } from "../metrics";

/**
 * Evaluates the rules for some regions of one level (siblings under one parent)
 * in one period, each region with its own effective rules and thresholds, and
 * writes the machine state of their alerts with one event per change, in one
 * transaction; the events are pushed once it commits. The human layer is only
 * read (for the ceiling), never written.
 */
export async function evaluateRegions(
  db: Db,
  regionCodes: string[],
  period: number,
  now = new Date(),
): Promise<AlertEventMessage[]> {
  if (regionCodes.length === 0) return [];
  const level = levelOfCode(regionCodes[0]!)!;
  const rulesOf = await effectiveRulesFor(db, regionCodes);
  const usable = (rules: EffectiveRule[]) =>
    rules.filter((r) => r.enabled && r.appliesToLevel === level && r.type !== "SILENCE");
  const allRules = regionCodes.flatMap((c) => usable(rulesOf.get(c) ?? []));
  if (allRules.length === 0) return [];
  const parent = parentCodeOf(regionCodes[0]!);
  const siblings = parent ? await childrenInfo(db, parent) : null;
  const regions = siblings
    ? siblings.filter((r) => regionCodes.includes(r.code))
    : await Promise.all(regionCodes.map((c) => regionInfo(db, c)));
  const settings = await scoreSettingsFor(db, regionCodes[0]!);
  const ancestors = ancestorCodesOf(regionCodes[0]!);
  // Pending rules need the earlier periods too: a rule fires after `pendingPeriods` consecutive breaches.
  const history = periodsEnding(period, Math.max(0, ...allRules.map((r) => r.pendingPeriods)) + 1);
  // Every sibling's months in one read: they are the peers each month is judged against (the judged
  // regions among them), where a read per month and batch was most of a national turn's statements.
  const metrics = await metricsFor(db, siblings ?? regions, ancestors, history, settings.minutes);

  const peerCache = new Map<number, Promise<number[]>>();
  const peers = (p: number) => {
    if (!peerCache.has(p))
      peerCache.set(
        p,
        (async () => {
          if (!siblings) return [];
          const m = history.includes(p) ? metrics : await metricsFor(db, siblings, ancestors, [p], settings.minutes);
          return siblings.map((s) => Math.log1p(m.get(s.code)!.get(p)!.hoursPerVillage));
        })(),
      );
    return peerCache.get(p)!;
  };
  const statistical = allRules.some((r) => r.type === "STATISTICAL");
  // The pooled dispersion prior comes from every sibling, whichever of them this batch judges,
  // so a county gets the same verdict alone (after a write) as in the scheduler's batch.
  const panelCodes = (siblings ?? regions).map((r) => r.code);
  const counts = statistical ? await recordCountSeries(db, panelCodes, period) : new Map<string, number[]>();
  const panel = statistical ? panelMoments([...counts.values()]) : [];

  const violating = allRules.some((r) => r.type === "VIOLATION")
    ? await violatingScopes(
        db,
        regions.map((r) => r.code),
        ancestors,
        period,
      )
    : null;
  const computed: ComputedValue[] = [];
  for (const region of regions) {
    const violations = async (kind: string) => {
      const scopes = (violating ?? []).filter(
        (v) => v.kind === kind && (v.code.startsWith(region.code) || ancestors.includes(v.code)),
      );
      return {
        records: scopes.reduce((sum, v) => sum + v.records, 0),
        villages: villagesReached(
          scopes.map((v) => ({ code: v.code, villages: ancestors.includes(v.code) ? region.villages : v.villages })),
        ),
      };
    };
    const series = counts.get(region.code) ?? [];
    const context = { peers, counts: async () => series, panel: async () => panel, violations };
    for (const rule of usable(rulesOf.get(region.code) ?? [])) {
      const value = await ruleValue(rule, region, period, metrics.get(region.code)!.get(period)!, context);
      if (!value) continue;
      let priorBreaches = 0;
      for (const [back, earlier] of history.slice(0, -1).reverse().slice(0, rule.pendingPeriods).entries()) {
        const earlierContext = {
          peers,
          counts: async () => series.slice(0, -(back + 1)),
          panel: async () => panel.slice(0, -(back + 1)),
        };
        const before = await ruleValue(rule, region, earlier, metrics.get(region.code)!.get(earlier)!, earlierContext);
        if (!before || before.value <= rule.enterThreshold) break;
        priorBreaches += 1;
      }
      computed.push({ rule, region, value, priorBreaches });
    }
  }
  return applyRuleValues(db, computed, period, now);
}

/** Months of record counts the statistical rules look back over (the baseline window plus the CUSUM's run-in). */
const SERIES_MONTHS = 48;

async function recordCountSeries(db: Db, codes: string[], period: number): Promise<Map<string, number[]>> {
  const periods = periodsEnding(period, SERIES_MONTHS);
  const rows = await findNewDemandCounts(db, codes, periods);
  const index = new Map(periods.map((p, i) => [p, i]));
  const out = new Map(codes.map((c) => [c, periods.map(() => 0)]));
  for (const r of rows) out.get(r.regionCode)![index.get(r.period)!]! += r.records;
  return out;
}

/** Scopes of this month's violating records inside these regions or above them, with the villages each reaches. */
async function violatingScopes(db: Db, codes: string[], ancestors: string[], period: number) {
  // Siblings judged together are read in one query over their parent (a prefecture's batch, not one per county);
  // records scoped at the parent itself come from the ancestors' query, not twice.
  const parent = ancestors.at(-1);
  const inside =
    codes.length > 1 && parent
      ? (await violatingRecordScopes(db, period, { subtree: parent })).filter((r) =>
          codes.some((c) => r.scopeRegionCode.startsWith(c)),
        )
      : (await Promise.all(codes.map((c) => violatingRecordScopes(db, period, { subtree: c })))).flat();
  const above = ancestors.length ? await violatingRecordScopes(db, period, { at: ancestors }) : [];
  const rows = [...inside, ...above];
  const sizes = new Map(
    (await findRegionSizes(db, [...new Set(rows.map((r) => r.scopeRegionCode))])).map((r) => [
      r.code,
      villagesUnder(r),
    ]),
  );
  return rows.map((r) => ({
    kind: r.kind,
    code: r.scopeRegionCode,
    records: r.records,
    villages: sizes.get(r.scopeRegionCode) ?? 0,
  }));
}

/** After a record changes: the regions whose rule values it can move, evaluated for its period. */
export async function evaluateAfterWrite(
  db: Db,
  scopeRegionCode: string,
  period: number,
  now = new Date(),
): Promise<AlertEventMessage[]> {
  const scopeLevel = levelOfCode(scopeRegionCode)!;
  const rules = await effectiveRules(db, scopeRegionCode);
  const levels = [...new Set(rules.filter((r) => r.enabled && r.type !== "SILENCE").map((r) => r.appliesToLevel))];
  const out: AlertEventMessage[] = [];
  for (const level of levels) {
    if (scopeLevel >= level) {
      const code =
        level === scopeLevel
          ? scopeRegionCode
          : [...ancestorCodesOf(scopeRegionCode), scopeRegionCode].find((c) => levelOfCode(c) === level);
      if (code) out.push(...(await evaluateRegions(db, [code], period, now)));
    } else {
      // A demand scoped above the rule's level moves every region of that level below it.
      const below = await listRegionsAtLevel(db, scopeRegionCode, level);
      for (const codes of codesByParent(below)) out.push(...(await evaluateRegions(db, codes, period, now)));
    }
  }
  return out;
}

export async function silencedAlertIds(
  db: Db | Tx,
  alerts: { id: string; regionCode: string; ruleKey: string }[],
  now = new Date(),
): Promise<Set<string>> {
  const silences = await activeSilences(db, now);
  return new Set(
    alerts
      .filter((a) =>
        silences.some((s) => a.regionCode.startsWith(s.regionCode) && (!s.ruleKey || s.ruleKey === a.ruleKey)),
      )
      .map((a) => a.id),
  );
}

/**
 * Re-evaluates after writes, once per distinct (scope, period), and never
 * fails the write that already committed: an evaluation error is logged and
 * the scheduler evaluates again.
 */
export async function evaluateAfterWrites(
  db: Db,
  writes: { scopeRegionCode: string; period: number }[],
): Promise<AlertEventMessage[]> {
  if (writes.length === 0) return [];
  const seen = new Set<string>();
  const out: AlertEventMessage[] = [];
  // With county-level rules only (the defaults), writes under counties are evaluated a
  // parent and a month at a time: one pass over peers instead of one per county.
  const levels = new Set(
    (await effectiveRules(db, writes[0]!.scopeRegionCode))
      .filter((r) => r.enabled && r.type !== "SILENCE")
      .map((r) => r.appliesToLevel),
  );
  if (levels.size === 1 && levels.has(3) && writes.every((w) => w.scopeRegionCode.length >= 6)) {
    const groups = new Map<string, { period: number; counties: Set<string> }>();
    for (const w of writes) {
      const county = w.scopeRegionCode.slice(0, 6);
      const key = `${county.slice(0, 4)}|${w.period}`;
      if (!groups.has(key)) groups.set(key, { period: w.period, counties: new Set() });
      groups.get(key)!.counties.add(county);
    }
    for (const { period, counties } of groups.values()) {
      try {
        out.push(...(await evaluateRegions(db, [...counties], period)));
      } catch (error) {
        console.error("预警评估失败", error);
      }
    }
    return out;
  }
  for (const w of writes) {
    // Everything below a county moves the same county-level values.
    const key = `${w.scopeRegionCode.length > 6 ? w.scopeRegionCode.slice(0, 6) : w.scopeRegionCode}|${w.period}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      out.push(...(await evaluateAfterWrite(db, w.scopeRegionCode, w.period)));
    } catch (error) {
      console.error("预警评估失败", error);
    }
  }
  return out;
}

/** SILENCE rule: every monitoring point that filed no direct report in `period` (evaluated by the scheduler). */
export async function evaluateSilentPoints(db: Db, period: number, now = new Date()): Promise<AlertEventMessage[]> {
  const start = new Date(Date.UTC(Math.floor(period / 100), (period % 100) - 1, 1));
  const end = new Date(Date.UTC(Math.floor(period / 100), period % 100, 1));
  const points = await activePointsWithReportCounts(db, start, end);
  if (points.length === 0) return [];
  const names = await regionNames(
    db,
    points.map((p) => p.regionCode),
  );
  const computed: Parameters<typeof applyRuleValues>[1] = [];
  for (const point of points) {
    const rule = (await effectiveRules(db, point.regionCode)).find((r) => r.type === "SILENCE" && r.enabled);
    if (!rule) continue;
    const silent = point._count.reports === 0 ? 1 : 0;
    const name = names.get(point.regionCode) ?? point.regionCode;
    computed.push({
      rule,
      region: { code: point.regionCode, name },
      value: { value: silent, summary: `${name} ${formatPeriod(period)}：监测点${silent ? "未报送直报" : "已报送"}` },
      priorBreaches: 0,
    });
  }
  return applyRuleValues(db, computed, period, now);
}
