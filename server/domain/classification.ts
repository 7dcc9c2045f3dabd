// Violation flags for a burden record, by clause of the 2022 opinion (domain.md §2).
import type { BurdenKind } from "./burdenKinds";
import { matchCertificate, type NegativeListItem } from "./certificates";

export interface Violation {
  clause: number;
  code: string;
  reason: string;
}

/** What the catalogues valid on the record's date say (names as registered). */
export interface CatalogueSnapshot {
  formList: ReadonlyMap<string, { allowedPerYear: number }>;
  registeredGroups: ReadonlySet<string>;
  approvedMechanisms: ReadonlySet<string>;
  signboardStandard: ReadonlySet<string>;
  inspectionPlan: ReadonlySet<string>;
  negativeList: readonly NegativeListItem[];
}

export interface ClassifiableRecord {
  kind: BurdenKind;
  title: string;
  details: Record<string, unknown>;
}

const FORBIDDEN_RESPONSIBILITIES = ["行政执法", "拆迁拆违", "招商引资", "安全生产"];

const OPINION = "《意见》";

function flag(clause: number, code: string, reason: string): Violation {
  return { clause, code, reason: `${reason}（${OPINION}第${clause}条）` };
}

const str = (value: unknown) => (typeof value === "string" ? value.trim() : "");

export function classifyRecord(record: ClassifiableRecord, catalogue: CatalogueSnapshot): Violation[] {
  const d = record.details;
  const out: Violation[] = [];
  switch (record.kind) {
    case "FORM": {
      const listed = catalogue.formList.get(record.title.trim());
      if (!listed) out.push(flag(3, "FORM_NOT_LISTED", "未列入县级年度统一填报表格目录"));
      else if (Number(d.fillingsPerYear ?? 0) > listed.allowedPerYear)
        out.push(flag(3, "FORM_TOO_FREQUENT", `填报频次超过目录规定（每年不超过${listed.allowedPerYear}次）`));
      break;
    }
    case "MATERIAL":
      if (d.countyDeployed !== true) out.push(flag(3, "MATERIAL_NOT_DEPLOYED", "未经县级统一部署向村级组织索要材料"));
      break;
    case "WORK_GROUP":
      if (!catalogue.registeredGroups.has(record.title.trim()))
        out.push(flag(3, "GROUP_NOT_REGISTERED", "工作群或政务APP未列入县级整合保留清单"));
      if (d.forcedCheckIn === true || d.ranking === true || d.onlineTime === true)
        out.push(flag(3, "GROUP_FORCED_ACTIVITY", "强制打卡、积分排名或在线时长考核"));
      break;
    case "PROOF_DEMAND":
      out.push(flag(3, "PROOF_AS_BASIS", "以截图、录像、定位等留痕作为评判工作依据"));
      break;
    case "MECHANISM":
      if (!catalogue.approvedMechanisms.has(record.title.trim()) && !str(d.legalBasis))
        out.push(
          flag(4, "MECHANISM_NOT_APPROVED", d.dedicatedPost === true ? "未经省级审批设立专人专岗" : "未经省级审批设立村级工作机制"),
        );
      break;
    case "SIGNBOARD":
      if (d.counterpart === true) out.push(flag(6, "SIGN_COUNTERPART", "要求村级组织对口挂牌"));
      else if (d.placement !== "INSIDE" && !catalogue.signboardStandard.has(record.title.trim()))
        out.push(flag(6, "SIGN_NOT_STANDARD", "室外挂牌不在省级统一规范清单内"));
      break;
    case "CERTIFICATE": {
      const match = matchCertificate(str(d.certificateName) || record.title, catalogue.negativeList);
      if (match) out.push(flag(7, "CERT_NEGATIVE_LIST", `属于负面清单事项“${match.item.name}”（${match.item.source}第${match.item.no}项）`));
      else if (d.hasLegalBasis === false) out.push(flag(7, "CERT_NO_BASIS", "无法律法规或国务院决定依据的证明事项"));
      break;
    }
    case "TASK": {
      const subject = str(d.responsibleFor);
      const forbidden = FORBIDDEN_RESPONSIBILITIES.find((area) => subject.includes(area));
      if (forbidden) out.push(flag(1, "TASK_FORBIDDEN_SUBJECT", `将村级组织作为${forbidden}的责任主体`));
      if (d.countyDeployed !== true) out.push(flag(1, "TASK_NOT_DEPLOYED", "未经县级党委和政府统一部署将部门职责派交村级组织"));
      break;
    }
    case "INSPECTION":
      if (!catalogue.inspectionPlan.has(record.title.trim()))
        out.push({ clause: 3, code: "INSPECTION_OUTSIDE_PLAN", reason: "督查检查考核事项未列入年度计划（《整治形式主义为基层减负若干规定》）" });
      break;
  }
  return out;
}

/**
 * Catalogues are owned at county level or above (CATALOGUE_INFO.ownerLevels),
 * so every scope below one county shares the county's snapshot: cache by this.
 */
export function snapshotCacheKey(scopeRegionCode: string, date: Date): string {
  return `${scopeRegionCode.slice(0, 6)}|${date.toISOString().slice(0, 10)}`;
}

export interface CatalogueItemLike {
  catalogue: string;
  itemKey: string;
  version: number;
  regionCode: string;
  name: string;
  details: unknown;
  validFrom: Date;
  validTo: Date | null;
}

/**
 * The catalogues governing `scopeRegionCode` on `date`: items owned by the
 * scope or any region above it ("" is national), valid on that date, latest
 * version of each item.
 */
export function buildCatalogueSnapshot(items: readonly CatalogueItemLike[], scopeRegionCode: string, date: Date): CatalogueSnapshot {
  const latest = new Map<string, CatalogueItemLike>();
  for (const item of items) {
    if (!scopeRegionCode.startsWith(item.regionCode)) continue;
    if (item.validFrom > date || (item.validTo && item.validTo <= date)) continue;
    const seen = latest.get(item.itemKey);
    if (!seen || seen.version < item.version) latest.set(item.itemKey, item);
  }
  const of = (catalogue: string) => [...latest.values()].filter((i) => i.catalogue === catalogue);
  const detail = (item: CatalogueItemLike, key: string) => (item.details as Record<string, unknown> | null)?.[key];
  return {
    formList: new Map(of("FORM_LIST").map((i) => [i.name, { allowedPerYear: Number(detail(i, "allowedPerYear") ?? 12) }])),
    registeredGroups: new Set(of("WORK_GROUP").map((i) => i.name)),
    approvedMechanisms: new Set(of("MECHANISM").map((i) => i.name)),
    signboardStandard: new Set(of("SIGNBOARD_STANDARD").map((i) => i.name)),
    inspectionPlan: new Set(of("INSPECTION_PLAN").map((i) => i.name)),
    negativeList: of("CERTIFICATE_NEGATIVE")
      .map((i) => ({ no: Number(detail(i, "no") ?? 0), name: i.name, source: String(detail(i, "source") ?? "负面清单") }))
      .sort((a, b) => a.no - b.no),
  };
}
