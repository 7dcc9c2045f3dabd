// The sentences of the 月度减负监测报告, generated from its figures. Pure:
// every number in the text comes from the data passed in.

export const formatPeriodChinese = (p: number) => `${Math.floor(p / 100)}年${p % 100}月`;

const fixed = (v: number, digits = 1) => (Number.isInteger(v) ? String(v) : v.toFixed(digits));

/** "较上月下降 8.3%", "较上月上升 12.0%", "与上月持平", or "上月无数据" when there is nothing to compare with. */
export function changePhrase(now: number, before: number, unit = ""): string {
  if (before === 0) return now === 0 ? "与上月持平" : "上月无记录";
  const change = ((now - before) / before) * 100;
  if (Math.abs(change) < 0.05) return "与上月持平";
  return `较上月${change < 0 ? "下降" : "上升"} ${Math.abs(change).toFixed(1)}%${unit}`;
}

/** 全市 / 全区 / 全县 / 全省 / 全镇 from the region's level and name. */
export function wholeRegionWord(level: number, name: string): string {
  if (level === 1) return "全省";
  if (level === 2) return name.endsWith("州") ? "全州" : name.endsWith("盟") ? "全盟" : "全市";
  if (level === 3)
    return name.endsWith("区") ? "全区" : name.endsWith("市") ? "全市" : name.endsWith("旗") ? "全旗" : "全县";
  if (level === 4) return name.endsWith("街道") ? "全街道" : name.endsWith("乡") ? "全乡" : "全镇";
  return "本村";
}

export interface OverallFigures {
  level: number;
  regionName: string;
  period: number;
  records: number;
  previousRecords: number;
  violationRecords: number;
  violationRate: number;
  previousViolationRate: number;
  hoursPerVillage: number;
  previousHoursPerVillage: number;
  villages: number;
  topKinds: { name: string; records: number }[];
}

export function overallParagraphs(f: OverallFigures): string[] {
  const whole = wholeRegionWord(f.level, f.regionName);
  const first =
    `${formatPeriodChinese(f.period)}，${whole}共记录基层负担事项 ${f.records} 项，${changePhrase(f.records, f.previousRecords)}；` +
    `其中判定违规 ${f.violationRecords} 项，违规村次占比 ${(f.violationRate * 100).toFixed(1)}%` +
    (f.previousViolationRate > 0 || f.violationRate > 0
      ? `（上月 ${(f.previousViolationRate * 100).toFixed(1)}%）`
      : "") +
    "。";
  const second = `按标准工时测算，${whole} ${f.villages} 个村（社区）村均负担工时 ${fixed(f.hoursPerVillage)} 小时，${changePhrase(f.hoursPerVillage, f.previousHoursPerVillage)}。`;
  const kinds = f.topKinds.filter((k) => k.records > 0);
  const third = kinds.length
    ? `从类别看，记录较多的是${kinds.map((k) => `${k.name}（${k.records} 项）`).join("、")}。`
    : "本月未记录负担事项。";
  return [first, second, third];
}

export interface SuggestionInputs {
  regionWord: string;
  departmentsAbovePeers: { name: string; hours: number; median: number; violationUnits: number }[];
  worstChildren: { name: string; band: number; score: number }[];
  risingKinds: { name: string; now: number; before: number }[];
  violationClauses: { clause: number; count: number }[];
  unacknowledgedAlerts: number;
  overdueCases: number;
  formMerges: FormMergeSuggestion[] | null;
}

/** An open 一表通 merge proposal (services/formOverlap), as the report states it. */
export interface FormMergeSuggestion {
  /** The county it belongs to, named when the report covers several counties. */
  county: string | null;
  forms: string[];
  baseTitle: string;
  departments: string[];
  savedEntries: number;
  savedHours: number;
}

export function formMergeSentence(m: FormMergeSuggestion): string {
  const departments = m.departments.length ? `，涉及${m.departments.join("、")}` : "";
  return (
    `${m.county ?? ""}${m.forms.map((f) => `“${f}”`).join("")}等 ${m.forms.length} 张表格数据项重合${departments}，` +
    `建议以“${m.baseTitle}”为基础合并为一张表（一表通），每年可减少重复填写 ${m.savedEntries} 个字段、` +
    `约 ${fixed(m.savedHours)} 小时。`
  );
}

/** 下一步建议: each one names what the data shows, so a reader can check it. */
export function suggestions(s: SuggestionInputs): string[] {
  const out: string[] = [];
  for (const d of s.departmentsAbovePeers.slice(0, 3)) {
    out.push(
      `${d.name}本月向村级下达事项折合 ${fixed(d.hours)} 小时，为各部门中位数（${fixed(d.median)} 小时）的 ${fixed(d.hours / Math.max(d.median, 0.1))} 倍${d.violationUnits ? `，其中违规 ${d.violationUnits} 村次` : ""}，建议约谈提醒并压减其填报和留痕要求。`,
    );
  }
  if (s.worstChildren.length)
    out.push(
      `${s.worstChildren.map((c) => `${c.name}（${c.score.toFixed(1)} 分）`).join("、")}负担得分处于同级最高档，建议开展专项督查。`,
    );
  for (const k of s.risingKinds.slice(0, 2))
    out.push(`${k.name}记录由上月 ${k.before} 项增至 ${k.now} 项，建议核查是否存在新增的未经准入事项。`);
  const clauses = s.violationClauses.filter((c) => c.count > 0).slice(0, 2);
  if (clauses.length)
    out.push(
      `违反《意见》${clauses.map((c) => `第${c.clause}条（${c.count} 项）`).join("、")}的问题较集中，建议对照目录清理并督促责任部门整改。`,
    );
  if (s.unacknowledgedAlerts > 0) out.push(`尚有 ${s.unacknowledgedAlerts} 条告警未签收，请督查人员及时签收处置。`);
  if (s.overdueCases > 0) out.push(`${s.overdueCases} 个通报曝光案例已超过整改期限仍未整改到位，建议提级督办。`);
  for (const m of s.formMerges?.slice(0, 3) ?? []) out.push(formMergeSentence(m));
  if (out.length === 0) out.push(`${s.regionWord}本月未发现突出问题，建议继续保持村级组织减负监测，按月报送。`);
  return out;
}

/** Median of the non-negative values (0 for none). */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The eight tasks of the 2022 opinion, as the report names them. */
export const CLAUSE_TITLES: Record<number, string> = {
  1: "明确村级组织工作事务",
  2: "创新村级组织工作方式",
  3: "完善考核评价机制",
  4: "从严控制村级工作机制",
  5: "整合办公场所",
  6: "规范挂牌",
  7: "压减证明事项",
  8: "规范出具证明工作",
};

export const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** The issuing units: the level's civil affairs body and the Party organisation department. */
export function issuingUnits(level: number, name: string): string {
  return `${name}${level === 1 ? "民政厅" : "民政局"}　中共${name}委组织部`;
}

/** 2026年12月1日 in China's time zone. */
export function chineseDate(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
