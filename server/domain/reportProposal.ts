// 转为记录: villagers write "县卫健局" where the register says "宽城区卫生健康局".
// Propose the registered department and a title from the report's own words; the
// monitor confirms. A weak match proposes nothing rather than the wrong department.

// Common short forms of department names, expanded before comparing.
const SHORT_FORMS: [RegExp, string][] = [
  [/卫健/g, "卫生健康"],
  [/人社/g, "人力资源和社会保障"],
  [/住建/g, "住房和城乡建设"],
  [/市监|市场监管/g, "市场监督管理"],
  [/医保/g, "医疗保障"],
  [/应急局/g, "应急管理局"],
  [/文旅/g, "文化和旅游"],
  [/交通局/g, "交通运输局"],
  [/农业局|农委/g, "农业农村局"],
  [/自然资源局|国土局/g, "自然资源局"],
  [/环保局/g, "生态环境局"],
  [/退役军人局|退役局/g, "退役军人事务局"],
  [/残联/g, "残疾人联合会"],
  [/妇联/g, "妇女联合会"],
  [/组织部/g, "委组织部"],
  [/宣传部/g, "委宣传部"],
];

// Words that name the level, not the department: "县", "区", "市", "镇".
const LEVEL_PREFIX = /^(.{1,6}?(省|市|县|区|旗|镇|乡|街道))?/;

function core(name: string): string {
  let s = name.replace(/[\s（）()·]/g, "");
  for (const [from, to] of SHORT_FORMS) s = s.replace(from, to);
  s = s.replace(/委委/g, "委");
  return s.replace(LEVEL_PREFIX, "");
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i += 1) out.push(s.slice(i, i + 2));
  return out.length ? out : [s];
}

/** Dice coefficient of character bigrams, 0–1. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  const pool = [...y];
  let shared = 0;
  for (const g of x) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      shared += 1;
      pool.splice(i, 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** The registered department the words most likely mean, or null when none is close enough. */
export function proposeDepartment<D extends { id: string; name: string }>(
  words: string,
  departments: readonly D[],
  threshold = 0.6,
): D | null {
  const exact = departments.find((d) => d.name === words.trim());
  if (exact) return exact;
  const wanted = core(words);
  if (!wanted) return null;
  let best: { d: D; score: number } | null = null;
  for (const d of departments) {
    const score = similarity(wanted, core(d.name));
    if (!best || score > best.score) best = { d, score };
  }
  return best && best.score >= threshold ? best.d : null;
}

/** The report's first sentence, as a record title (at most `max` characters). */
export function titleFromReport(content: string, max = 60): string {
  const first = content
    .trim()
    .split(/[。！？!?；;\n]/)[0]!
    .trim();
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}
