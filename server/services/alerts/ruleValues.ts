// One rule's value for one region and month, in words an inspector reads.
// Statistical rules run the shared series functions of domain/surveillance.ts
// (the same ones the backtest runs) over the region's whole monthly history.
import { BURDEN_KIND_NAMES } from "../../domain/burdenKinds";
import { robustZ } from "../../domain/alerts";
import type { RegionMetrics } from "../../domain/metrics";
import { CUSUM_ARL0, cusumSeries, MIN_HISTORY_MONTHS, riseSeries, type PanelMoments } from "../../domain/surveillance";
import { formatPValue } from "../../domain/tails";
import type { EffectiveRule } from "./alertRules";
import type { RegionInfo } from "../metrics";

export const formatPeriod = (p: number) => `${Math.floor(p / 100)}年${p % 100}月`;

export interface RuleValue {
  value: number;
  summary: string;
}

export interface RuleContext {
  /** log1p(hours per village) of every sibling (the region included) in that month. */
  peers: (period: number) => Promise<number[]>;
  /** Record counts of the region, oldest first, ending with the month judged. */
  counts: () => Promise<number[]>;
  /** The siblings' pooled dispersion moments for each month of `counts` (the empirical-Bayes prior). */
  panel?: () => Promise<PanelMoments[]>;
  /** Violating records that reach the region this month, and the villages they reach. */
  violations?: (kind: string) => Promise<{ records: number; villages: number }>;
}

/** Village-level statistical alerts need a few records (domain.md §5). */
const VILLAGE_MINIMUM = 3;

export async function ruleValue(
  rule: EffectiveRule,
  region: RegionInfo,
  period: number,
  metrics: RegionMetrics,
  context: RuleContext,
): Promise<RuleValue | null> {
  const kind = rule.burdenKind ? metrics.kinds.find((k) => k.kind === rule.burdenKind)! : null;
  const when = `${region.name} ${formatPeriod(period)}`;
  switch (rule.type) {
    case "VIOLATION": {
      // A county-wide demand counts once per village: say how many demands and villages, not only 村次.
      const found = context.violations ? await context.violations(rule.burdenKind!) : null;
      const words =
        found && found.records > 0
          ? `违规：${found.records} 条违规要求，涉及 ${found.villages} 个村（${kind!.violationUnits} 村次）`
          : `违规 ${kind!.violationUnits} 村次`;
      return {
        value: kind!.violationUnits,
        summary: `${when}：${BURDEN_KIND_NAMES[rule.burdenKind!]}${words}（《意见》第${rule.clause}条）`,
      };
    }
    case "LEVEL":
      return {
        value: kind!.perVillage,
        summary: `${when}：村均${BURDEN_KIND_NAMES[rule.burdenKind!]} ${kind!.perVillage.toFixed(2)}，阈值 ${rule.enterThreshold}`,
      };
    case "STATISTICAL":
      return statisticalValue(rule, region, when, await context.counts(), await context.panel?.());
    case "PEER_OUTLIER": {
      const z = robustZ(Math.log1p(metrics.hoursPerVillage), await context.peers(period));
      const low = rule.ruleKey === "PEER_LOW";
      return {
        value: low ? -z : z,
        summary: `${when}：村均负担工时 ${metrics.hoursPerVillage.toFixed(1)} 小时，同级稳健 z = ${z.toFixed(2)}${low && z < -rule.enterThreshold ? "（数据异常偏低，请核实是否漏报）" : ""}`,
      };
    }
    case "SILENCE":
      return null; // evaluated by the scheduler from monitoring points
  }
}

function statisticalValue(
  rule: EffectiveRule,
  region: RegionInfo,
  when: string,
  counts: number[],
  panel: PanelMoments[] | undefined,
): RuleValue {
  const count = counts[counts.length - 1] ?? 0;
  if (rule.ruleKey === "STAT_CUSUM") {
    const month = cusumSeries(counts, { panel }).at(-1)!;
    if (month.status !== "TESTED") return insufficient(when, count);
    const b = month.baseline!;
    return {
      value: month.value,
      summary: `${when}：负担记录 ${count} 条；CUSUM 累积量 S = ${month.statistic.toFixed(2)}，报警界限 h = ${month.limit.toFixed(2)}（参考值 k = ${month.reference.toFixed(2)}，按检测翻倍、受控平均运行长度 ${CUSUM_ARL0} 个月选取；基线 ${b.months} 个月月均 ${b.mean.toFixed(1)} 条，离散系数 φ = ${month.dispersion.toFixed(2)}）`,
    };
  }
  const month = riseSeries(counts, { alpha: 10 ** -rule.enterThreshold, panel }).at(-1)!;
  if (month.status !== "TESTED") return insufficient(when, count);
  const b = month.baseline!;
  const value = region.level === 5 && count < VILLAGE_MINIMUM ? 0 : month.score;
  return {
    value,
    summary: `${when}：负担记录 ${count} 条，基线 ${b.months} 个月月均 ${b.mean.toFixed(1)} 条、离散系数 φ = ${month.dispersion.toFixed(2)}（与同级合并估计；负二项尾概率 ${formatPValue(month.logP)}）`,
  };
}

function insufficient(when: string, count: number): RuleValue {
  return {
    value: 0,
    summary: `${when}：负担记录 ${count} 条；历史数据不足（有数据的月份少于 ${MIN_HISTORY_MONTHS} 个），本规则暂不判断`,
  };
}
