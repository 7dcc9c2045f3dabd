// The default rule set, derived from the clauses (domain.md §2, §5). Owned
// nationally (regionCode ""); monitors override thresholds for their region.
import { BURDEN_KINDS, BURDEN_KIND_NAMES, type BurdenKind } from "./burdenKinds";
import type { RuleType, Severity } from "./alerts";

export interface RuleSpec {
  ruleKey: string;
  name: string;
  type: RuleType;
  burdenKind: BurdenKind | null;
  clause: number | null;
  appliesToLevel: number;
  severity: Severity;
  enterThreshold: number;
  exitThreshold: number;
  pendingPeriods: number;
}

export const KIND_CLAUSE: Record<BurdenKind, number> = {
  FORM: 3,
  MATERIAL: 3,
  WORK_GROUP: 3,
  PROOF_DEMAND: 3,
  MECHANISM: 4,
  SIGNBOARD: 6,
  CERTIFICATE: 7,
  TASK: 1,
  INSPECTION: 3,
};

const CRITICAL_KINDS = new Set<BurdenKind>(["PROOF_DEMAND", "TASK", "CERTIFICATE"]);

/** −log10 of the Poisson tail probability 0.00135 (three-sigma equivalent). */
export const POISSON_ALERT_SCORE = -Math.log10(0.00135);

/** The county peer test, both ways: one robust |z| with one pair of thresholds, so the two rules cannot drift apart. */
const PEER_Z: Omit<RuleSpec, "ruleKey" | "name"> = {
  type: "PEER_OUTLIER",
  burdenKind: null,
  clause: null,
  appliesToLevel: 3,
  severity: "INFO",
  enterThreshold: 3.5,
  exitThreshold: 3,
  pendingPeriods: 0,
};

export const DEFAULT_RULES: RuleSpec[] = [
  ...BURDEN_KINDS.map(
    (kind): RuleSpec => ({
      ruleKey: `VIOLATION_${kind}`,
      name: `${BURDEN_KIND_NAMES[kind]}违规（《意见》第${KIND_CLAUSE[kind]}条）`,
      type: "VIOLATION",
      burdenKind: kind,
      clause: KIND_CLAUSE[kind],
      appliesToLevel: 3,
      severity: CRITICAL_KINDS.has(kind) ? "CRITICAL" : "WARNING",
      enterThreshold: 0,
      exitThreshold: 0,
      pendingPeriods: 0,
    }),
  ),
  {
    ruleKey: "LEVEL_FORMS",
    name: "村均填报表格超过每月4次",
    type: "LEVEL",
    burdenKind: "FORM",
    clause: 3,
    appliesToLevel: 3,
    severity: "WARNING",
    enterThreshold: 4,
    exitThreshold: 3.5,
    pendingPeriods: 0,
  },
  {
    ruleKey: "LEVEL_GROUPS",
    name: "村均工作群和政务APP超过5个",
    type: "LEVEL",
    burdenKind: "WORK_GROUP",
    clause: 3,
    appliesToLevel: 3,
    severity: "WARNING",
    enterThreshold: 5,
    exitThreshold: 4.5,
    pendingPeriods: 0,
  },
  {
    ruleKey: "STAT_RISE",
    name: "负担记录数较本地历史异常升高（负二项检验 p<0.00135，离散系数与同级合并估计，至少6个月历史、当月至少3条）",
    type: "STATISTICAL",
    burdenKind: null,
    clause: null,
    appliesToLevel: 3,
    severity: "WARNING",
    enterThreshold: POISSON_ALERT_SCORE,
    exitThreshold: 2,
    pendingPeriods: 0,
  },
  // CUSUM value = S/h: 1 is the limit h chosen for an in-control run length of 740 months (cusumLimits.ts).
  {
    ruleKey: "STAT_CUSUM",
    name: "负担记录数持续上升（CUSUM，检测翻倍，受控平均运行长度740个月）",
    type: "STATISTICAL",
    burdenKind: null,
    clause: null,
    appliesToLevel: 3,
    severity: "INFO",
    enterThreshold: 1,
    exitThreshold: 0.5,
    pendingPeriods: 0,
  },
  { ruleKey: "PEER_OUTLIER", name: "村均负担工时在同级中离群（稳健 z > 3.5）", ...PEER_Z },
  // |z| matters both ways: a county reporting almost no burden beside its peers is a data finding too.
  { ruleKey: "PEER_LOW", name: "村均负担工时在同级中异常偏低（数据异常偏低，稳健 z < −3.5）", ...PEER_Z },
  {
    ruleKey: "SILENCE_POINT",
    name: "监测点本期未报送",
    type: "SILENCE",
    burdenKind: null,
    clause: null,
    appliesToLevel: 5,
    severity: "INFO",
    enterThreshold: 0,
    exitThreshold: 0,
    pendingPeriods: 0,
  },
];
