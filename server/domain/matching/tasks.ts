// Clause 1: villages may not be made the responsible subject (责任主体) of
// 行政执法、拆迁拆违、招商引资、安全生产. Judged on words, with negation
// ("不承担安全生产责任") and supporting roles ("协助") read as what they say.
import { segment } from "./segmenter";

export interface ForbiddenArea {
  /** The area as the opinion names it. */
  name: string;
  /** Words that mean the same area, as departments write them. */
  synonyms: readonly string[];
}

/** Default list (editable as the TASK_FORBIDDEN catalogue). */
export const DEFAULT_FORBIDDEN_AREAS: ForbiddenArea[] = [
  {
    name: "行政执法",
    synonyms: [
      "行政执法",
      "执法",
      "综合执法",
      "环保执法",
      "城管执法",
      "联合执法",
      "行政处罚",
      "处罚",
      "罚款",
      "查处",
      "执法检查",
    ],
  },
  {
    name: "拆迁拆违",
    synonyms: [
      "拆迁拆违",
      "拆迁",
      "拆违",
      "征地拆迁",
      "房屋征收",
      "征收",
      "拆除违建",
      "违建拆除",
      "拆除违法建筑",
      "控违拆违",
      "拆违控违",
      "违章建筑拆除",
      "强拆",
    ],
  },
  { name: "招商引资", synonyms: ["招商引资", "招商", "引资", "引进项目", "项目引进"] },
  { name: "安全生产", synonyms: ["安全生产", "生产安全", "安全监管", "安全生产监管", "安全生产责任"] },
];

const NEGATIONS = new Set([
  "不",
  "不得",
  "不再",
  "无需",
  "无须",
  "不用",
  "不必",
  "不承担",
  "不作为",
  "不负责",
  "不属于",
  "不是",
  "非",
  "免于",
  "免除",
  "禁止",
  "严禁",
  "未",
  "没有",
  "不能",
  "不应",
]);
const SUPPORT = new Set(["协助", "配合", "协同", "参与", "协助做好", "配合做好", "上报", "报告", "劝导", "宣传"]);
// Compound tokens jieba may keep whole: read their negating or supporting prefix.
const NEGATING_PREFIX = /^(不|非|未|免|禁|严禁|无需)/;
const SUPPORT_PREFIX = /^(协助|配合|协同)/;

export interface TaskJudgement {
  area: string;
  word: string;
}

/** The forbidden areas a responsibility text makes the village the subject of. */
export function forbiddenResponsibilities(
  text: string,
  areas: readonly ForbiddenArea[] = DEFAULT_FORBIDDEN_AREAS,
): TaskJudgement[] {
  const words = new Map<string, string>();
  for (const area of areas) for (const w of [area.name, ...area.synonyms]) words.set(w.normalize("NFKC"), area.name);
  const found = new Map<string, TaskJudgement>();
  const clauses = text.normalize("NFKC").split(/[,，;；。.!！?？\n]|但|但是|而是|只/);
  for (const clause of clauses) {
    const tokens = segment(clause.replace(/\s+/g, ""), words.keys());
    let negated = false;
    let supporting = false;
    for (let i = 0; i < tokens.length; i += 1) {
      const token = tokens[i]!;
      if (NEGATIONS.has(token) || (NEGATING_PREFIX.test(token) && token.length <= 3 && !words.has(token)))
        negated = true;
      if (SUPPORT.has(token) || SUPPORT_PREFIX.test(token)) supporting = true;
      // Parts a segmenter split (拆 + 违) are joined back before looking them up.
      for (const span of [
        token,
        token + (tokens[i + 1] ?? ""),
        token + (tokens[i + 1] ?? "") + (tokens[i + 2] ?? ""),
      ]) {
        const area = words.get(span);
        if (area && !negated && !supporting && !found.has(area)) found.set(area, { area, word: span });
      }
    }
  }
  return [...found.values()];
}
