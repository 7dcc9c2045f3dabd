// Defects of issue #13: each case here was judged wrongly by the exact-name rules.
import { describe, expect, it } from "vitest";
import {
  buildCatalogueSnapshot,
  judgeRecord,
  type CatalogueItemLike,
  type ClassifiableRecord,
  type CatalogueSnapshot,
} from "./classification";
import { STANDARD_SIGNBOARDS } from "./catalogues";
import { checkLegalBasis } from "./matching/legalBasis";
import { demandOrdinals, fillingsPerYearOf } from "./matching/frequency";

const catalogue: CatalogueSnapshot = {
  formList: new Map([
    ["农村低保对象动态管理台账", { allowedPerYear: 12 }],
    ["村级基本情况统计表", { allowedPerYear: 1 }],
  ]),
  registeredGroups: new Set(["县乡村振兴工作群"]),
  approvedMechanisms: new Set(["村务监督委员会", "人民调解委员会"]),
  mechanismPosts: new Map([
    ["村务监督委员会", false],
    ["人民调解委员会", false],
  ]),
  signboardStandard: new Set(STANDARD_SIGNBOARDS),
  inspectionPlan: new Set(["年度乡村振兴实绩考核"]),
  inspectionTimes: new Map([["年度乡村振兴实绩考核", 1]]),
  negativeList: [
    { no: 1, name: "亲属关系证明", source: "民发〔2020〕20号清单" },
    { no: 5, name: "无犯罪记录证明", source: "民发〔2020〕20号清单" },
    { no: 17, name: "居民财产证明", source: "民发〔2020〕20号清单" },
    { no: 19, name: "市场主体住所证明", source: "民发〔2020〕20号清单" },
  ],
};
const places = { county: "宽城区", township: "兰家镇", village: "上台子村" };

const judge = (
  kind: ClassifiableRecord["kind"],
  title: string,
  details: Record<string, unknown> = {},
  extra: Partial<ClassifiableRecord> = {},
) => judgeRecord({ kind, title, details, places, ...extra }, catalogue);
const codes = (...args: Parameters<typeof judge>) => judge(...args).violations.map((v) => v.code);
const reviewCodes = (...args: Parameters<typeof judge>) => judge(...args).reviews.map((v) => v.code);

describe("1. names as people write them", () => {
  it("village signs with the village's name are the standard signs", () => {
    expect(codes("SIGNBOARD", "上台子村村民委员会", { placement: "OUTSIDE" })).toEqual([]);
    expect(codes("SIGNBOARD", "中共上台子村委员会", { placement: "OUTSIDE" })).toEqual([]);
    expect(judge("SIGNBOARD", "中共上台子村委员会", { placement: "OUTSIDE" }).judgement).toMatchObject({
      item: "村党组织",
      score: 1,
    });
  });

  it("periods and group numbers in brackets do not make another item", () => {
    expect(codes("FORM", "农村低保对象动态管理台账（10月）", { frequency: "每月" })).toEqual([]);
    expect(codes("WORK_GROUP", "县乡村振兴工作群（二群）", { platform: "微信" })).toEqual([]);
  });

  it("a close name is 待核实 with its candidates, never a violation", () => {
    const result = judge("FORM", "低保对象动态管理台账补充表");
    expect(result.violations).toEqual([]);
    expect(result.reviews[0]?.code).toBe("FORM_NOT_LISTED");
    expect(result.reviews[0]?.candidates[0]?.name).toBe("农村低保对象动态管理台账");
    expect(result.judgement?.item).toBeNull();
  });

  it("a monitor's decision turns 待核实 into a violation; a confirmed synonym into a match", () => {
    expect(codes("FORM", "低保对象动态管理台账补充表", {}, { reviewDecision: "VIOLATION" })).toEqual([
      "FORM_NOT_LISTED",
    ]);
    const withSynonym = {
      ...catalogue,
      synonyms: { FORM_LIST: new Map([["低保对象动态管理台账补充表", "农村低保对象动态管理台账"]]) },
    };
    const result = judgeRecord({ kind: "FORM", title: "低保对象动态管理台账补充表", details: {} }, withSynonym);
    expect(result).toMatchObject({
      violations: [],
      reviews: [],
      judgement: { item: "农村低保对象动态管理台账", via: "synonym" },
    });
  });

  it("unrelated names stay violations", () => {
    expect(codes("FORM", "文明村创建材料汇总表")).toEqual(["FORM_NOT_LISTED"]);
    expect(codes("SIGNBOARD", "上台子村计生协会", { placement: "OUTSIDE" })).toEqual(["SIGN_NOT_STANDARD"]);
  });
});

describe("2 and 6. frequencies are counted, and frequency text is read", () => {
  it("the demand past the allowance and every later one are violations", () => {
    expect(codes("FORM", "村级基本情况统计表", { fillingsPerYear: 1 }, { demandOrdinal: 1 })).toEqual([]);
    expect(codes("FORM", "村级基本情况统计表", { fillingsPerYear: 1 }, { demandOrdinal: 2 })).toEqual([
      "FORM_TOO_FREQUENT",
    ]);
    expect(judge("FORM", "村级基本情况统计表", {}, { demandOrdinal: 7 }).violations[0]?.reason).toContain("第7次");
  });

  it("a weekly demand of a monthly form is too frequent whatever fillingsPerYear says", () => {
    expect(codes("FORM", "农村低保对象动态管理台账", { frequency: "每周", fillingsPerYear: 12 })).toEqual([
      "FORM_TOO_FREQUENT",
    ]);
    expect(fillingsPerYearOf("每月")).toBe(12);
    expect(fillingsPerYearOf("每季度")).toBe(4);
    expect(fillingsPerYearOf("每月2次")).toBe(24);
    expect(fillingsPerYearOf("临时")).toBeNull();
  });

  it("inspections beyond the plan's times a year", () => {
    expect(codes("INSPECTION", "2026年度乡村振兴实绩考核", { organiser: "县委督查室" }, { demandOrdinal: 1 })).toEqual(
      [],
    );
    expect(codes("INSPECTION", "2026年度乡村振兴实绩考核", { organiser: "县委督查室" }, { demandOrdinal: 2 })).toEqual([
      "INSPECTION_TOO_FREQUENT",
    ]);
  });

  it("orders demands by date, then by entry", () => {
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    const ordinals = demandOrdinals([
      { id: "c", occurredOn: at(3) },
      { id: "a", occurredOn: at(1), createdAt: at(9) },
      { id: "b", occurredOn: at(1), createdAt: at(2) },
    ]);
    expect([...ordinals]).toEqual([
      ["b", 1],
      ["a", 2],
      ["c", 3],
    ]);
  });
});

describe("4. clause 4: approval at province level, dedicated posts, checkable legal basis", () => {
  const item = (regionCode: string, name: string, details: object): CatalogueItemLike => ({
    catalogue: "MECHANISM",
    itemKey: `MECHANISM:${regionCode}:${name}`,
    version: 1,
    regionCode,
    name,
    details,
    validFrom: new Date(Date.UTC(2020, 0, 1)),
    validTo: null,
  });

  it("a county-owned catalogue entry does not approve a mechanism", () => {
    const snapshot = buildCatalogueSnapshot(
      [item("220103", "村级老龄工作站", {}), item("22", "人民调解委员会", { dedicatedPost: false })],
      "220103001001",
      new Date(Date.UTC(2026, 5, 1)),
    );
    expect(snapshot.approvedMechanisms.has("村级老龄工作站")).toBe(false);
    expect(snapshot.approvedMechanisms.has("人民调解委员会")).toBe(true);
  });

  it("an approved mechanism demanded with a dedicated post it was not approved with is a violation", () => {
    expect(codes("MECHANISM", "人民调解委员会", { dedicatedPost: true })).toEqual(["MECHANISM_POST_NOT_APPROVED"]);
    expect(codes("MECHANISM", "人民调解委员会", { dedicatedPost: false })).toEqual([]);
  });

  it("only a checkable legal basis clears an unapproved mechanism; vague text is 待核实", () => {
    expect(codes("MECHANISM", "村级禁毒工作站", { legalBasis: "无" })).toEqual(["MECHANISM_NOT_APPROVED"]);
    expect(codes("MECHANISM", "村级禁毒工作站", { legalBasis: "县委要求" })).toEqual([]);
    expect(reviewCodes("MECHANISM", "村级禁毒工作站", { legalBasis: "县委要求" })).toEqual(["MECHANISM_NOT_APPROVED"]);
    expect(codes("MECHANISM", "村级禁毒工作站", { legalBasis: "《中华人民共和国禁毒法》第十三条" })).toEqual([]);
    expect(reviewCodes("MECHANISM", "村级禁毒工作站", { legalBasis: "吉禁毒委发〔2023〕12号" })).toEqual([]);
    expect(checkLegalBasis("吉发〔2023〕12号")).toBe("CHECKABLE");
    expect(checkLegalBasis("上级安排")).toBe("UNCHECKABLE");
  });
});

describe("5. tasks: words, synonyms and negation", () => {
  it("flags the areas in their usual wordings", () => {
    expect(codes("TASK", "违建整治", { countyDeployed: true, responsibleFor: "负责拆违" })).toEqual([
      "TASK_FORBIDDEN_SUBJECT",
    ]);
    expect(codes("TASK", "征地", { countyDeployed: true, responsibleFor: "负责征地拆迁" })).toEqual([
      "TASK_FORBIDDEN_SUBJECT",
    ]);
    expect(codes("TASK", "环保", { countyDeployed: true, responsibleFor: "环保执法" })).toEqual([
      "TASK_FORBIDDEN_SUBJECT",
    ]);
  });

  it("reads negation and supporting roles", () => {
    expect(codes("TASK", "安全", { countyDeployed: true, responsibleFor: "不承担安全生产责任主体" })).toEqual([]);
    expect(codes("TASK", "安全", { countyDeployed: true, responsibleFor: "协助做好安全生产宣传" })).toEqual([]);
  });

  it("uses the editable list of areas when the catalogue has one", () => {
    const custom = { ...catalogue, forbiddenAreas: [{ name: "征兵", synonyms: ["征兵任务"] }] };
    expect(
      judgeRecord(
        { kind: "TASK", title: "征兵", details: { countyDeployed: true, responsibleFor: "承担征兵任务" } },
        custom,
      ).violations.map((v) => v.code),
    ).toEqual(["TASK_FORBIDDEN_SUBJECT"]);
  });
});

describe("7. proof demands used for assessment", () => {
  it("flags by default and when used for 考核评价, not when recorded as not so used", () => {
    expect(codes("PROOF_DEMAND", "入户照片", { proof: "照片" })).toEqual(["PROOF_AS_BASIS"]);
    expect(codes("PROOF_DEMAND", "入户照片", { proof: "照片", usedForAssessment: true })).toEqual(["PROOF_AS_BASIS"]);
    expect(codes("PROOF_DEMAND", "入户照片", { proof: "照片", usedForAssessment: false })).toEqual([]);
  });
});

describe("8. certificates", () => {
  const cert = (name: string, details: Record<string, unknown> = {}) =>
    judge("CERTIFICATE", name, { certificateName: name, ...details });

  it("a certificate off the list with no legal basis is a violation; unmatched is recorded as such", () => {
    const result = cert("居住证明");
    expect(result.violations.map((v) => v.code)).toEqual(["CERT_NO_BASIS"]);
    expect(result.judgement).toMatchObject({ catalogue: "CERTIFICATE_NEGATIVE", item: null });
    expect(cert("居住证明", { legalBasis: "《居住证暂行条例》" }).violations).toEqual([]);
    expect(cert("居住证明", { hasLegalBasis: true }).reviews.map((r) => r.code)).toEqual(["CERT_NO_BASIS"]);
  });

  it("relationship wordings, income and 开发区 are read correctly", () => {
    for (const name of ["父子关系证明", "母女关系证明", "夫妻关系证明", "兄弟姐妹关系证明", "抚养关系证明"])
      expect(cert(name).judgement?.item, name).toBe("亲属关系证明");
    expect(cert("收入证明").judgement?.item).toBeNull();
    expect(cert("开发区住所证明").judgement?.item).toBe("市场主体住所证明");
  });
});

describe("10. the 2024 rules and clauses 2 and 5", () => {
  it("flags what a record can show", () => {
    expect(codes("WORK_GROUP", "县乡村振兴工作群", { platform: "政务APP", forcedDownload: true })).toEqual([
      "APP_FORCED_DOWNLOAD",
    ]);
    expect(codes("WORK_GROUP", "县乡村振兴工作群", { platform: "微信", relayOrInstantReply: true })).toEqual([
      "GROUP_RELAY",
    ]);
    expect(codes("INSPECTION", "年度乡村振兴实绩考核", { organiser: "县委督查室", repeatedMaterials: true })).toEqual([
      "INSPECTION_REPEATED_MATERIALS",
    ]);
    expect(codes("MATERIAL", "总结", { countyDeployed: true, alreadyProvided: true })).toEqual(["MATERIAL_REPEATED"]);
    expect(
      judge("FORM", "农村低保对象动态管理台账", { alreadyProvided: true }).violations.map((v) => v.clause),
    ).toEqual([2]);
    expect(judge("MECHANISM", "人民调解委员会", { separateOffice: true }).violations.map((v) => v.clause)).toEqual([5]);
  });
});

describe("ordinals among the demands that reach a scope", () => {
  it("a county demand reaches every village; a village demand does not reach its township or siblings", async () => {
    const { reachingOrdinals } = await import("./matching/frequency");
    const at = (month: number) => new Date(Date.UTC(2026, month - 1, 1));
    const ordinals = reachingOrdinals([
      { id: "county", scopeRegionCode: "220103", occurredOn: at(1) },
      { id: "v1-a", scopeRegionCode: "220103001001", occurredOn: at(2) },
      { id: "town", scopeRegionCode: "220103001", occurredOn: at(3) },
      { id: "v2", scopeRegionCode: "220103001002", occurredOn: at(4) },
      { id: "v1-b", scopeRegionCode: "220103001001", occurredOn: at(5) },
    ]);
    expect(Object.fromEntries(ordinals)).toEqual({ county: 1, "v1-a": 2, town: 2, v2: 3, "v1-b": 4 });
  });
});
