/**
 * Plain-language definitions of every unit and statistic on screen. The 术语说明
 * page lists them; the 说明 popovers quote the same sentences, so the two never disagree.
 */
export interface Term {
  id: string;
  term: string;
  definition: string;
  example?: string;
}

export const GLOSSARY: readonly Term[] = [
  { id: "village-unit", term: "村级单位", definition: "村民委员会和城市社区（居委会），是减负监测的最小对象。" },
  {
    id: "village-times",
    term: "村次",
    definition: "一项要求落到一个村级单位计 1 村次。下达给乡镇或县的要求，对其下辖每个村（社区）各计 1 村次。",
    example: "县卫健局向一个有 12 个村的镇下发 1 张表格，记为 12 村次。",
  },
  {
    id: "per-village",
    term: "村均数量",
    definition: "本地区某月的村次总数除以村级单位数，即平均每个村（社区）承担的要求数，可以比较大小不同的地区。",
  },
  {
    id: "hours",
    term: "负担工时（小时）",
    definition:
      "按每类要求的标准工时估算村干部为完成要求花费的时间：标准分钟 × 村次 ÷ 60。标准工时由监测人员设定，可在评分设置中查看。",
  },
  { id: "violation-rate", term: "违规占比", definition: "违规村次占全部村次的百分比。" },
  {
    id: "score",
    term: "负担得分（0–100）",
    definition:
      "把九类负担的村均数量换算到 0–100 分再取平均。0 分表示没有负担，100 分表示达到或超过同级地区在基准月份的高位水平。分数越高，负担越重。",
  },
  {
    id: "goalpost",
    term: "目标值（冻结）",
    definition:
      "换算时的 100 分对应同级地区在基准月份的第 95 百分位。基准月份第一次计算时固定下来，以后不随新数据变化，所以不同月份的得分可以直接比较。",
  },
  {
    id: "band",
    term: "分档",
    definition:
      "按得分分为五档：0–20 分较轻，20–40 分偏轻，40–60 分中等，60–80 分偏重，80–100 分较重。分档只看得分，得分相同的地区一定在同一档。村（社区）不排名次，只显示分档。",
  },
  {
    id: "rank",
    term: "名次",
    definition: "同一上级下的同级地区按得分从低到高排列，第 1 位负担最轻。得分相同的地区名次相同。",
  },
  {
    id: "rank-range",
    term: "名次可能范围",
    definition:
      "改变各类权重（±25%）、目标值（第 95 或 99 百分位）和换算方法后重新排名 1000 次，90% 的结果落在这个范围内。范围窄说明名次稳定；范围宽说明与相邻地区差距小，不宜过度解读名次先后。",
    example: "“第7位，可能在第6–14位之间”。",
  },
  {
    id: "month-change",
    term: "较上月",
    definition: "与上一个月相比的变化。上月数量很小时，百分比会失真，因此改为显示增减的条数。",
  },
  {
    id: "funnel",
    term: "漏斗图与控制限",
    definition:
      "横轴为村级单位数，纵轴为村均数量。村越少的地区数值天然波动越大，所以控制限在左侧更宽。落在 99.8% 上限以上的地区，负担高得不能用偶然波动解释。",
  },
  {
    id: "alert-state",
    term: "预警状态",
    definition:
      "待确认：刚超过阈值，等待下一期数据确认；告警中：持续超过阈值；已恢复：低于恢复阈值。状态由系统根据数据判断。",
  },
  {
    id: "acknowledge",
    term: "签收",
    definition:
      "督查人员表示已知晓并负责跟进，须填写理由。可设有效期和回升幅度：数值超过“签收时数值 + 幅度”时预警重新打开。",
  },
  {
    id: "escalation",
    term: "升级",
    definition: "告警在规定时间内无人查看或签收时，自动推送给上一级督查人员。时限按级别设置，以小时计。",
  },
  {
    id: "silence",
    term: "静默",
    definition: "在截止时间前不再提示同类预警，必须填写理由和截止时间，并显示被遮蔽的地区数。",
  },
  {
    id: "pending-review",
    term: "待核实",
    definition: "名称与目录相近但不能确定是否同一事项的记录，由监测人员核实后再判定，不直接认定为违规。",
  },
  {
    id: "exposure",
    term: "通报曝光",
    definition: "监测人员起草典型问题案例，由起草人以外的人员审批后发布，推送给所覆盖地区的督查人员。",
  },
  {
    id: "direct-report",
    term: "直报",
    definition: "村（社区）干部在监测点凭访问码直接反映负担，可匿名；由监测人员核实后转为负担记录或不予采纳。",
  },
];

export function glossaryTerm(id: string): Term {
  const term = GLOSSARY.find((t) => t.id === id);
  if (!term) throw new Error(`unknown glossary term ${id}`);
  return term;
}
