// Each alert rule in plain words first (for inspectors and leaders), with the
// statistical detail kept for those who open 详情.
import { BURDEN_KIND_NAMES, isBurdenKind } from "./burdenKinds";

export interface RuleForWords {
  ruleKey?: string;
  type: string;
  burdenKind: string | null;
  clause: number | null;
  enterThreshold: number | null;
  exitThreshold: number | null;
  pendingPeriods: number;
}

const num = (v: number | null) => (v === null ? "—" : String(Number(v.toFixed(2))));

export function describeRule(rule: RuleForWords): { plain: string; detail: string } {
  const kind = rule.burdenKind && isBurdenKind(rule.burdenKind) ? BURDEN_KIND_NAMES[rule.burdenKind] : "负担";
  const pending =
    rule.pendingPeriods > 0 ? `连续 ${rule.pendingPeriods + 1} 个月超过才告警（第一个月为待确认）` : "超过当月即告警";
  switch (rule.type) {
    case "VIOLATION":
      return {
        plain: `本月出现${kind}违规${rule.clause ? `（违反《意见》第${rule.clause}条）` : ""}即提示。`,
        detail: `违规村次超过 ${num(rule.enterThreshold)} 时触发，降到 ${num(rule.exitThreshold)} 及以下自动恢复；${pending}。`,
      };
    case "LEVEL":
      return {
        plain: `本地区平均每个村（社区）每月的${kind}超过 ${num(rule.enterThreshold)} 项时告警。`,
        detail: `村均数量超过 ${num(rule.enterThreshold)} 触发，降到 ${num(rule.exitThreshold)} 及以下恢复（回差防止反复告警）；${pending}。`,
      };
    case "STATISTICAL":
      if (rule.ruleKey?.includes("CUSUM")) {
        return {
          plain: `近几个月${kind}记录数持续上升、高于本地区以往水平时提示。`,
          detail: `泊松 CUSUM 累积和检验，以前 12 个月的月均记录数为基准；累积统计量超过 ${num(rule.enterThreshold)} 触发，降到 ${num(rule.exitThreshold)} 及以下恢复；${pending}。`,
        };
      }
      return {
        plain: `本月${kind}记录数明显高于本地区以往水平时告警。`,
        detail: `以本地区近 12 个月的月均记录数为基准，计算本月出现这么多记录的概率（尾概率）。数值为 −log10(尾概率)：超过 ${num(rule.enterThreshold)} 触发（2.87 相当于概率低于千分之一点三五，即正态分布三倍标准差），降到 ${num(rule.exitThreshold)} 及以下恢复；${pending}。`,
      };
    case "PEER_OUTLIER":
      return {
        plain: "本地区村均负担工时明显高于同级其他地区时告警。",
        detail: `对同级地区村均工时取 log(1+x)，计算稳健 z 值 0.6745×(x−中位数)/MAD（MAD 为 0 时改用平均绝对偏差）；超过 ${num(rule.enterThreshold)} 触发，降到 ${num(rule.exitThreshold)} 及以下恢复；${pending}。`,
      };
    case "SILENCE":
      return {
        plain: "监测点本月没有报送数据时提示。",
        detail: `未报送的月份达到 ${num(rule.enterThreshold)} 个时触发；${pending}。`,
      };
    default:
      return {
        plain: "自定义规则。",
        detail: `触发阈值 ${num(rule.enterThreshold)}，恢复阈值 ${num(rule.exitThreshold)}；${pending}。`,
      };
  }
}

/** Escalation limits are stored in minutes and read in hours and days ("1天6小时"). */
export function describeDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = Math.round(minutes % 60);
  const parts = [days ? `${days}天` : "", hours ? `${hours}小时` : "", rest ? `${rest}分钟` : ""].filter(Boolean);
  return parts.join("") || "0分钟";
}
