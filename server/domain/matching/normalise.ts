// Names as people write them → a comparison key (domain.md §2: "match after
// normalisation"). The key is internal: it only has to be equal for two
// wordings of the same catalogue item and different for different items.

/** Place names of the record's scope: they stand for the generic 县/乡/村 of catalogue names. */
export interface PlaceContext {
  county?: string;
  township?: string;
  village?: string;
}

export type NameKind = "FORM_LIST" | "WORK_GROUP" | "MECHANISM" | "SIGNBOARD_STANDARD" | "INSPECTION_PLAN";

const NUM = "[0-9一二三四五六七八九十〇零两]";

// Tokens that only say when or in which batch a demand came: 2026年度, 10月份, 第三季度, 上半年, 第2批.
const PERIOD_TOKENS = new RegExp(
  [
    `(?:20)?[0-9]{2}[-./](?:[0-9]{1,2})(?:[-./][0-9]{1,2})?`,
    `[0-9]{2,4}年度?`,
    `第?[一二三四1-4]季度`,
    `[上下]半年度?`,
    `第${NUM}+[批期轮次]`,
    `年度`,
    `[0-9]{1,2}月份?`,
  ].join("|"),
  "g",
);

// Bracketed content that is nothing but a number, batch or month once period tokens are gone.
const BRACKET = /[([【〔［]([^)\]】〕］]*)[)\]】〕］]/g;
const ONLY_NUMBERING = new RegExp(`^(?:第?${NUM}*(?:[群期批号版次轮]|月份?)?|[上下]半年|[0-9a-z]*)$`);

// Official long names → the short forms departments use; both sides of a comparison get the same.
const ABBREVIATIONS: [RegExp, string][] = [
  [/卫生健康/g, "卫健"],
  [/卫生和计划生育/g, "卫计"],
  [/人力资源和社会保障/g, "人社"],
  [/应急管理/g, "应急"],
  [/医疗保障/g, "医保"],
  [/退役军人事务/g, "退役军人"],
  [/市场监督管理/g, "市监"],
  [/住房和城乡建设/g, "住建"],
  [/农业农村/g, "农业"],
  [/自然资源/g, "自然资源"],
  [/生态环境/g, "环保"],
  [/最低生活保障/g, "低保"],
  [/妇女联合会/g, "妇联"],
  [/政法委员会/g, "政法委"],
  [/村民委员会/g, "村委会"],
  [/居民委员会/g, "居委会"],
  [/城乡居民基本医疗保险/g, "城乡居民医保"],
  [/基本医疗保险/g, "医保"],
  [/(?:信息|管理|服务|综合)+(?:系统|平台)/g, "平台"],
  [/统计报表/g, "统计表"],
  [/登记表格|登记表/g, "登记表"],
  [/一览表|汇总表|明细表/g, "表"],
];

// Variant characters people type for the same word.
const VARIANTS: [RegExp, string][] = [[/帐/g, "账"]];

// Marks where the scope's own village name stood (a private-use character survives punctuation stripping).
const HERE = "\uE000";
const GROUP_WORDS = /(?:工作)?(?:微信|钉钉|qq)?(?:工作)?群/g;

function stripPunctuation(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, "");
}

function replacePlaces(text: string, places: PlaceContext): string {
  let out = text;
  // Longest first, so a village named after its township is not half-replaced.
  const pairs: [string | undefined, string][] = [
    [places.village, "村"],
    [places.township, "乡"],
    [places.county, "县"],
  ];
  for (const [name, generic] of pairs.sort((a, b) => (b[0]?.length ?? 0) - (a[0]?.length ?? 0))) {
    if (name && name.length >= 2)
      out = out.split(name.normalize("NFKC")).join(generic === "村" ? `${HERE}村` : generic);
  }
  return out;
}

/** Common steps for every catalogue. */
export function baseKey(raw: string, places: PlaceContext = {}): string {
  let text = raw.normalize("NFKC").toLowerCase();
  text = replacePlaces(text, places);
  text = text.replace(PERIOD_TOKENS, "");
  text = text.replace(BRACKET, (whole, inner: string) => (ONLY_NUMBERING.test(stripPunctuation(inner)) ? "" : whole));
  text = stripPunctuation(text);
  for (const [pattern, short] of VARIANTS) text = text.replace(pattern, short);
  for (const [pattern, short] of ABBREVIATIONS) text = text.replace(pattern, short);
  return text;
}

// Groups and apps: the numbering of a sub-group (二群, 3群, 群2) and the
// "APP/客户端/手机版" suffix do not make another group.
function groupKey(text: string): string {
  return text
    .replace(new RegExp(`${NUM}+群$`), "群")
    .replace(/群[0-9]+$/, "群")
    .replace(/(?:app|客户端|手机版|移动端|小程序)$/, "")
    .replace(/^县级/, "县")
    .replace(GROUP_WORDS, "群");
}

// The party organisation's sign reads 中共××村(总)支部委员会 or ××村党支部.
const PARTY_SIGN = /^(?:中共|中国共产党)(.*?)(?:党?总支部|党?支部|党)?委员会$/;
const SIGN_ALIASES: [RegExp, string][] = [
  [/^(?:党支部|党总支|党委|党支部委员会|党总支部委员会|党组织|党支部委员会)$/, "党组织"],
  [
    /^(?:股份经济合作社|经济合作社|股份经济联合社|经济联合社|集体经济合作社|股份经济合作联合社|集体经济组织)$/,
    "集体经济组织",
  ],
  [/^(?:居委会|委会)$/, "委会"],
  [/^(?:务监督委员会|务监督委|居务监督委员会)$/, "务监督委员会"],
  [/^(?:党群服务中心|党群服务站|党群活动中心|综合服务中心|党群综合服务中心)$/, "党群服务中心"],
  [/^(?:新时代文明实践站|新时代文明实践服务站)$/, "新时代文明实践站"],
];

/**
 * Signs and mechanisms carry the village's (or community's) own name:
 * 上台子村村民委员会 is the standard 村民委员会. The place name becomes the
 * generic 村, then the leading 村 of both sides is dropped.
 */
function villageKey(text: string, aliases: boolean): string {
  let out = text;
  const party = PARTY_SIGN.exec(out);
  if (party) out = `${party[1]}党组织`;
  if (out.startsWith(`${HERE}村`)) out = out.slice(2).replace(/^村/, "");
  else {
    // A name that still begins with a place (no context given): ××村 / ××社区 / ××嘎查.
    out = out.replace(/^[^村\uE000]{1,8}?(?:村|社区|嘎查)(?=.{2,})/, "").replace(/^村/, "");
  }
  out = out.replaceAll(HERE, "").replace(/^社区/, "").replace(/^级/, "");
  if (aliases) for (const [pattern, canonical] of SIGN_ALIASES) if (pattern.test(out)) return canonical;
  return out;
}

/** The comparison key of a name in one catalogue. */
export function nameKey(raw: string, kind: NameKind, places: PlaceContext = {}): string {
  const base = baseKey(raw, places);
  switch (kind) {
    case "WORK_GROUP":
      return groupKey(base);
    case "SIGNBOARD_STANDARD":
      return villageKey(base, true);
    case "MECHANISM":
      return villageKey(base, false);
    default:
      return base.replaceAll(HERE, "");
  }
}
