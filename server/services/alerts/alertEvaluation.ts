import type { Db } from "../../db/client";
import { activeSilences, createAlert, findAlertsByDedup, insertEvent, updateAlert, type Tx } from "../../db/alertRepository";
import { findAggregates } from "../../db/metricRepository";
import { BURDEN_KIND_NAMES } from "../../domain/burdenKinds";
import { crossesCeiling, dedupKeyOf, poissonCusum, poissonUpperTail, robustZ, transition, type MachineState } from "../../domain/alerts";
import { periodsEnding, type RegionMetrics } from "../../domain/metrics";
import { ancestorCodesOf, levelOfCode, parentCodeOf, subtreeRange } from "../../domain/regions";
import { publishAlertEvents, toAlertDto, type AlertEventMessage } from "./alertEvents";
import { effectiveRules, type EffectiveRule } from "./alertRules";
import { childrenInfo, metricsFor, regionInfo, scoreSettingsFor, type RegionInfo } from "../metrics";

const formatPeriod = (p: number) => `${Math.floor(p / 100)}年${p % 100}月`;

interface RuleValue {
  value: number;
  summary: string;
}

/** This period's value of one rule for one region, or null when the rule has nothing to say. */
async function ruleValue(db: Db, rule: EffectiveRule, region: RegionInfo, period: number, metrics: RegionMetrics, context: { siblings?: () => Promise<number[]> }): Promise<RuleValue | null> {
  const kind = rule.burdenKind ? metrics.kinds.find((k) => k.kind === rule.burdenKind)! : null;
  const when = `${region.name} ${formatPeriod(period)}`;
  switch (rule.type) {
    case "VIOLATION":
      return { value: kind!.violationUnits, summary: `${when}：${BURDEN_KIND_NAMES[rule.burdenKind!]}违规 ${kind!.violationUnits} 村次（《意见》第${rule.clause}条）` };
    case "LEVEL":
      return { value: kind!.perVillage, summary: `${when}：村均${BURDEN_KIND_NAMES[rule.burdenKind!]} ${kind!.perVillage.toFixed(2)}，超过阈值 ${rule.enterThreshold}` };
    case "STATISTICAL": {
      if (rule.ruleKey === "STAT_CUSUM") {
        const periods = periodsEnding(period, 15);
        const rows = await findAggregates(db, [region.code], periods);
        const count = (p: number) => rows.filter((r) => r.period === p).reduce((s, r) => s + r.records, 0);
        const mean0 = periods.slice(0, 12).reduce((s, p) => s + count(p), 0) / 12;
        const recent = periods.slice(12).map(count);
        const statistic = poissonCusum(recent, mean0);
        return { value: statistic, summary: `${when}：近3个月负担记录 ${recent.join("、")} 条，前12个月月均 ${mean0.toFixed(1)} 条（CUSUM = ${statistic.toFixed(2)}）` };
      }
      const periods = periodsEnding(period, 13);
      const rows = await findAggregates(db, [region.code], periods);
      const count = (p: number) => rows.filter((r) => r.period === p).reduce((s, r) => s + r.records, 0);
      const current = count(period);
      const mean = periods.slice(0, 12).reduce((s, p) => s + count(p), 0) / 12;
      const minimum = region.level === 5 ? 3 : 1;
      const score = current >= minimum ? -Math.log10(Math.max(poissonUpperTail(current, mean), 1e-300)) : 0;
      return { value: score, summary: `${when}：负担记录 ${current} 条，近12个月月均 ${mean.toFixed(1)} 条（泊松尾概率 ${poissonUpperTail(current, mean).toExponential(2)}）` };
    }
    case "PEER_OUTLIER": {
      const peers = context.siblings ? await context.siblings() : [];
      const z = robustZ(Math.log1p(metrics.hoursPerVillage), peers);
      return { value: z, summary: `${when}：村均负担工时 ${metrics.hoursPerVillage.toFixed(1)} 小时，同级稳健 z = ${z.toFixed(2)}` };
    }
    case "SILENCE":
      return null; // evaluated by the scheduler from monitoring points
  }
}

/**
 * Evaluates the rules for some regions of one level in one period and writes
 * the machine state of their alerts with one event per change, in one
 * transaction; the events are pushed once it commits. The human layer is
 * only read (for the ceiling), never written.
 */
export async function evaluateRegions(db: Db, regionCodes: string[], period: number, now = new Date()): Promise<AlertEventMessage[]> {
  if (regionCodes.length === 0) return [];
  const level = levelOfCode(regionCodes[0]!)!;
  const rules = (await effectiveRules(db, regionCodes[0]!)).filter((r) => r.enabled && r.appliesToLevel === level && r.type !== "SILENCE");
  if (rules.length === 0) return [];
  const parent = parentCodeOf(regionCodes[0]!);
  const regions = parent ? (await childrenInfo(db, parent)).filter((r) => regionCodes.includes(r.code)) : await Promise.all(regionCodes.map((c) => regionInfo(db, c)));
  const settings = await scoreSettingsFor(db, regionCodes[0]!);
  // Pending rules need the earlier periods too: a rule fires after `pendingPeriods` consecutive breaches.
  const history = periodsEnding(period, Math.max(0, ...rules.map((r) => r.pendingPeriods)) + 1);
  const metrics = await metricsFor(db, regions, ancestorCodesOf(regionCodes[0]!), history, settings.minutes);
  let siblingValues: number[] | null = null;
  const siblings = async () => {
    if (siblingValues) return siblingValues;
    if (!parent) return (siblingValues = []);
    const peers = await childrenInfo(db, parent);
    const peerMetrics = await metricsFor(db, peers, ancestorCodesOf(regionCodes[0]!), [period], settings.minutes);
    return (siblingValues = peers.map((p) => Math.log1p(peerMetrics.get(p.code)!.get(period)!.hoursPerVillage)));
  };

  const computed: { rule: EffectiveRule; region: RegionInfo; value: RuleValue; priorBreaches: number }[] = [];
  for (const region of regions) {
    const m = metrics.get(region.code)!.get(period)!;
    for (const rule of rules) {
      const value = await ruleValue(db, rule, region, period, m, { siblings });
      if (!value) continue;
      let priorBreaches = 0;
      for (const earlier of history.slice(0, -1).reverse().slice(0, rule.pendingPeriods)) {
        const before = await ruleValue(db, rule, region, earlier, metrics.get(region.code)!.get(earlier)!, {});
        if (!before || before.value <= rule.enterThreshold) break;
        priorBreaches += 1;
      }
      computed.push({ rule, region, value, priorBreaches });
    }
  }
  return applyRuleValues(db, computed, period, now);
}

/**
 * Writes the machine state of the alerts for computed rule values, one event
 * per change, in one transaction; pushes the events once it commits. The human
 * layer is only read (for the ceiling), never written.
 */
async function applyRuleValues(
  db: Db,
  computed: { rule: EffectiveRule; region: { code: string; name: string }; value: RuleValue; priorBreaches: number }[],
  period: number,
  now: Date,
): Promise<AlertEventMessage[]> {
  const keys = computed.map((c) => dedupKeyOf(c.rule.ruleKey, c.region.code, period));
  const silences = await activeSilences(db, now);
  const isSilenced = (ruleKey: string, regionCode: string) => silences.some((s) => regionCode.startsWith(s.regionCode) && (!s.ruleKey || s.ruleKey === ruleKey));
  const events = await db.$transaction(async (tx) => {
    const existing = new Map((await findAlertsByDedup(tx, keys)).map((a) => [a.dedupKey, a]));
    const pending: { alertId: string; regionCode: string; type: string; payload: { alert: ReturnType<typeof toAlertDto>; value: number } }[] = [];
    for (const { rule, region, value, priorBreaches } of computed) {
      const key = dedupKeyOf(rule.ruleKey, region.code, period);
      const alert = existing.get(key);
      const step = transition((alert?.state as MachineState | undefined) ?? null, value.value, priorBreaches, rule);
      if (step.events.length === 0) continue;
      if (!alert && step.state === null) continue;
      const changed = alert && step.events[0] === "VALUE_CHANGED" && alert.value === value.value;
      if (changed) continue;
      const saved = alert
        ? await updateAlert(tx, alert.id, {
            state: step.state!,
            value: value.value,
            summary: value.summary,
            threshold: rule.enterThreshold,
            ...(step.events.includes("FIRING") ? { firingAt: now, resolvedAt: null } : {}),
            ...(step.events.includes("RESOLVED") ? { resolvedAt: now } : {}),
          })
        : await createAlert(tx, {
            dedupKey: key,
            ruleKey: rule.ruleKey,
            ruleId: rule.id,
            regionCode: region.code,
            period,
            severity: rule.severity,
            state: step.state!,
            value: value.value,
            threshold: rule.enterThreshold,
            summary: value.summary,
            firstSeenAt: now,
            firingAt: step.state === "FIRING" ? now : null,
          });
      const types = [...step.events];
      const human = alert?.human;
      if (human && crossesCeiling({ ackedAt: human.ackedAt, ackExpiresAt: human.ackExpiresAt, ackValue: human.ackValue, ackCeilingMargin: human.ackCeilingMargin, resolvedAt: human.resolvedAt }, alert.value, value.value)) {
        types.push("REOPENED" as never);
      }
      const dto = toAlertDto(saved, region.name, now, isSilenced(rule.ruleKey, region.code));
      for (const type of types) pending.push({ alertId: saved.id, regionCode: region.code, type, payload: { alert: dto, value: value.value } });
    }
    // Events last: the event-order lock (PostgreSQL) is then held only until the commit.
    const written: AlertEventMessage[] = [];
    for (const data of pending) {
      const event = await insertEvent(tx, data);
      written.push({ seq: event.seq, type: data.type, alertId: data.alertId, regionCode: data.regionCode, createdAt: event.createdAt, payload: event.payload });
    }
    return written;
  });
  publishAlertEvents(events);
  return events;
}

/** After a record changes: the regions whose rule values it can move, evaluated for its period. */
export async function evaluateAfterWrite(db: Db, scopeRegionCode: string, period: number, now = new Date()): Promise<AlertEventMessage[]> {
  const scopeLevel = levelOfCode(scopeRegionCode)!;
  const rules = await effectiveRules(db, scopeRegionCode);
  const levels = [...new Set(rules.filter((r) => r.enabled && r.type !== "SILENCE").map((r) => r.appliesToLevel))];
  const out: AlertEventMessage[] = [];
  for (const level of levels) {
    if (scopeLevel >= level) {
      const code = level === scopeLevel ? scopeRegionCode : [...ancestorCodesOf(scopeRegionCode), scopeRegionCode].find((c) => levelOfCode(c) === level);
      if (code) out.push(...(await evaluateRegions(db, [code], period, now)));
    } else {
      // A demand scoped above the rule's level moves every region of that level below it.
      const below = await db.region.findMany({ where: { code: subtreeRange(scopeRegionCode), level }, select: { code: true, parentCode: true } });
      const byParent = new Map<string, string[]>();
      for (const r of below) byParent.set(r.parentCode ?? "", [...(byParent.get(r.parentCode ?? "") ?? []), r.code]);
      for (const codes of byParent.values()) out.push(...(await evaluateRegions(db, codes, period, now)));
    }
  }
  return out;
}

export async function silencedAlertIds(db: Db | Tx, alerts: { id: string; regionCode: string; ruleKey: string }[], now = new Date()): Promise<Set<string>> {
  const silences = await activeSilences(db, now);
  return new Set(alerts.filter((a) => silences.some((s) => a.regionCode.startsWith(s.regionCode) && (!s.ruleKey || s.ruleKey === a.ruleKey))).map((a) => a.id));
}

/**
 * Re-evaluates after writes, once per distinct (scope, period), and never
 * fails the write that already committed: an evaluation error is logged and
 * the scheduler evaluates again.
 */
export async function evaluateAfterWrites(db: Db, writes: { scopeRegionCode: string; period: number }[]): Promise<AlertEventMessage[]> {
  if (writes.length === 0) return [];
  const seen = new Set<string>();
  const out: AlertEventMessage[] = [];
  // With county-level rules only (the defaults), writes under counties are evaluated a
  // parent and a month at a time: one pass over peers instead of one per county.
  const levels = new Set((await effectiveRules(db, writes[0]!.scopeRegionCode)).filter((r) => r.enabled && r.type !== "SILENCE").map((r) => r.appliesToLevel));
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
  const points = await db.monitoringPoint.findMany({ where: { active: true }, include: { _count: { select: { reports: { where: { createdAt: { gte: start, lt: end } } } } } } });
  if (points.length === 0) return [];
  const names = new Map((await db.region.findMany({ where: { code: { in: points.map((p) => p.regionCode) } }, select: { code: true, name: true } })).map((r) => [r.code, r.name]));
  const computed: Parameters<typeof applyRuleValues>[1] = [];
  for (const point of points) {
    const rule = (await effectiveRules(db, point.regionCode)).find((r) => r.type === "SILENCE" && r.enabled);
    if (!rule) continue;
    const silent = point._count.reports === 0 ? 1 : 0;
    const name = names.get(point.regionCode) ?? point.regionCode;
    computed.push({ rule, region: { code: point.regionCode, name }, value: { value: silent, summary: `${name} ${formatPeriod(period)}：监测点${silent ? "未报送直报" : "已报送"}` }, priorBreaches: 0 });
  }
  return applyRuleValues(db, computed, period, now);
}
