// Matching free-text certificate names against negative-list items (清单).

export interface NegativeListItem {
  no: number;
  name: string;
  source: string;
}

export interface CertificateMatch {
  item: NegativeListItem;
  via: "exact" | "synonym" | "contains";
}

// Colloquial names → the list item's wording.
const SYNONYMS: [RegExp, string][] = [
  [/无犯罪|无违法犯罪|良民/, "无犯罪记录证明"],
  [/单身|未婚|离异|婚姻/, "婚姻状况证明"],
  [
    /亲属|亲戚关系|直系|(?:父子|父女|母子|母女|夫妻|夫妇|兄弟|姐妹|兄妹|姐弟|祖孙|婆媳|亲子|抚养|赡养|扶养|收养|继父|继母)关系/,
    "亲属关系证明",
  ],
  [/身份信息|身份证明|本人身份/, "居民身份信息证明"],
  [/养犬|养狗/, "居民养犬证明"],
  [/失踪/, "人员失踪证明"],
  [/出生/, "出生证明"],
  [/健在|生存|活着/, "健在证明"],
  [/死亡|去世|过世/, "死亡证明"],
  [/疾病|患病|生病|健康状况/, "疾病状况证明"],
  [/残疾/, "残疾状况证明"],
  [/婚育|生育|计生/, "婚育状况证明"],
  [/就业|失业|无业/, "居民就业状况证明"],
  [/档案/, "居民个人档案证明"],
  // 收入 is not 财产: an income certificate is another matter, judged by its legal basis.
  [/财产|房产|无房|存款/, "居民财产证明"],
  [/遗产|继承/, "遗产继承权证明"],
  [/住所|经营场所|注册地址/, "市场主体住所证明"],
  [/遗失|丢失|挂失/, "证件遗失证明"],
  [/户口.*变更|变更.*户口/, "户口登记项目内容变更申请证明"],
  [/戒毒|社区康复/, "社区戒毒社区康复人员情况证明(表现证明)"],
];

/** Drops spaces, punctuation and filler words so 「开个 单身证明。」 reads as 单身证明. */
export function normaliseCertificateName(raw: string): string {
  return (
    raw
      .normalize("NFKC")
      .replace(/[\s\p{P}\p{S}]/gu, "")
      // A lone 开 is left alone: it starts names like 开发区住所证明.
      .replace(/^(请|麻烦|需要|要求|开具|开个|开一个|开张|开份|出具|提供|办理)+/, "")
      .replace(/(一份|一张)$/, "")
  );
}

function bare(name: string): string {
  return normaliseCertificateName(name).replace(/\(.*?\)|（.*?）/g, "");
}

/** The negative-list item a certificate name means, or null: no match is never guessed. */
export function matchCertificate(raw: string, list: readonly NegativeListItem[]): CertificateMatch | null {
  const name = normaliseCertificateName(raw);
  if (!name) return null;
  const exact = list.find((item) => bare(item.name) === name.replace(/\(.*?\)|（.*?）/g, ""));
  if (exact) return { item: exact, via: "exact" };
  for (const [pattern, canonical] of SYNONYMS) {
    if (!pattern.test(name)) continue;
    const item = list.find((i) => i.name === canonical);
    if (item) return { item, via: "synonym" };
  }
  const contained = list.find((item) => name.includes(bare(item.name)));
  return contained ? { item: contained, via: "contains" } : null;
}
