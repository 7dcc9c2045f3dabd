// Violation flags for a burden record, by clause of the 2022 opinion (domain.md §2).
// A record is a violation, 待核实 (a monitor decides), or neither; every
// judgement names the catalogue item it was judged against, or that none matched.
import type { BurdenKind } from "./burdenKinds";
import { matchCertificate, type NegativeListItem } from "./certificates";
import { checkLegalBasis } from "./matching/legalBasis";
import { fillingsPerYearOf } from "./matching/frequency";
import { matchName, type Candidate, type NameMatch } from "./matching/match";
import type { NameKind, PlaceContext } from "./matching/normalise";
import { DEFAULT_FORBIDDEN_AREAS, forbiddenResponsibilities, type ForbiddenArea } from "./matching/tasks";

export interface Violation {
  clause: number;
  code: string;
  reason: string;
}

/** A flag a monitor must confirm or clear (待核实), with the items it may mean. */
export interface Review extends Violation {
  candidates: Candidate[];
}

/** What the record was judged against: shown on the record page. */
export interface Judgement {
  catalogue: string;
  /** The catalogue item matched, or null when none did. */
  item: string | null;
  score: number | null;
  via?: string;
  candidates?: Candidate[];
  /** Ordinal of this demand of the item in its year at its scope (forms, inspections). */
  ordinal?: number;
  allowedPerYear?: number;
}

export interface Classification {
  violations: Violation[];
  reviews: Review[];
  judgement: Judgement | null;
}

/** What the catalogues valid on the record's date say (names as registered). */
export interface CatalogueSnapshot {
  formList: ReadonlyMap<string, { allowedPerYear: number }>;
  registeredGroups: ReadonlySet<string>;
  /** Mechanisms approved at province level (clause 4): county lists do not approve. */
  approvedMechanisms: ReadonlySet<string>;
  /** Whether the approval includes a dedicated post (专人专岗); absent means no. */
  mechanismPosts?: ReadonlyMap<string, boolean>;
  signboardStandard: ReadonlySet<string>;
  inspectionPlan: ReadonlySet<string>;
  /** Inspections of each plan item allowed a year; absent means once. */
  inspectionTimes?: ReadonlyMap<string, number>;
  negativeList: readonly NegativeListItem[];
  forbiddenAreas?: readonly ForbiddenArea[];
  /** Wordings monitors confirmed as an item, per catalogue: name key → item name. */
  synonyms?: Partial<Record<NameKind, ReadonlyMap<string, string>>>;
}

export interface ClassifiableRecord {
  kind: BurdenKind;
  title: string;
  details: Record<string, unknown>;
  /** Names of the scope's county, township and village (they stand for 县/乡/村 in catalogue names). */
  places?: PlaceContext;
  /** Counted by the service: this demand's ordinal among demands of its item to its scope (and above) in its year. */
  demandOrdinal?: number;
  /** A monitor confirmed the 待核实 flags as violations. */
  reviewDecision?: string | null;
}

const OPINION = "《意见》";
const RULES_2024 = "《整治形式主义为基层减负若干规定》";
const FINGERTIP_2024 = "《关于防治“指尖上的形式主义”的若干意见》";

function flag(clause: number, code: string, reason: string): Violation {
  return { clause, code, reason: `${reason}（${OPINION}第${clause}条）` };
}

const str = (value: unknown) => (typeof value === "string" ? value.trim() : "");

function nameJudgement(catalogue: NameKind, match: NameMatch): Judgement {
  return match.status === "MATCH"
    ? { catalogue, item: match.item, score: match.score, via: match.via }
    : { catalogue, item: null, score: match.candidates[0]?.score ?? null, candidates: match.candidates };
}

function candidatesText(candidates: Candidate[]): string {
  return candidates.map((c) => `“${c.name}”（相似度${Math.round(c.score * 100)}%）`).join("、");
}

export function judgeRecord(record: ClassifiableRecord, catalogue: CatalogueSnapshot): Classification {
  const d = record.details;
  const violations: Violation[] = [];
  const reviews: Review[] = [];
  let judgement: Judgement | null = null;
  const confirmed = record.reviewDecision === "VIOLATION";
  /** Unlisted when nothing is close; 待核实 when something is, until a monitor confirms it. */
  const byName = (kind: NameKind, items: Iterable<string>, unlisted: Violation): string | null => {
    const match = matchName(record.title, kind, [...items], {
      places: record.places,
      synonyms: catalogue.synonyms?.[kind],
    });
    judgement = nameJudgement(kind, match);
    if (match.status === "MATCH") return match.item;
    if (match.status === "NONE" || confirmed) violations.push(unlisted);
    else
      reviews.push({
        ...unlisted,
        reason: `名称与目录事项${candidatesText(match.candidates)}相近，待核实是否同一事项；${unlisted.reason}`,
        candidates: match.candidates,
      });
    return null;
  };
  const ordinalFlag = (allowed: number, what: string, violation: (reason: string) => Violation) => {
    const judged = judgement as Judgement | null;
    if (!judged) return;
    judged.allowedPerYear = allowed;
    // Only an ordinal past the allowance is stored: then a new demand within it changes no other record.
    if (record.demandOrdinal === undefined || record.demandOrdinal <= allowed) return;
    judged.ordinal = record.demandOrdinal;
    violations.push(violation(`本年度第${record.demandOrdinal}次向同一范围${what}，超过每年${allowed}次`));
  };

  switch (record.kind) {
    case "FORM": {
      const item = byName(
        "FORM_LIST",
        catalogue.formList.keys(),
        flag(3, "FORM_NOT_LISTED", "未列入县级年度统一填报表格目录"),
      );
      if (item) {
        const allowed = catalogue.formList.get(item)!.allowedPerYear;
        const stated = Math.max(fillingsPerYearOf(d.frequency) ?? 0, Number(d.fillingsPerYear ?? 0) || 0);
        if (stated > allowed)
          violations.push(
            flag(3, "FORM_TOO_FREQUENT", `要求的填报频次（每年${stated}次）超过目录规定（每年不超过${allowed}次）`),
          );
        else ordinalFlag(allowed, "下达该表", (r) => flag(3, "FORM_TOO_FREQUENT", `${r}（目录规定）`));
      }
      if (d.alreadyProvided === true)
        violations.push(flag(2, "FORM_DATA_NOT_REUSED", "重复采集村级已报送的数据，未做到一次采集、多方利用"));
      break;
    }
    case "MATERIAL":
      if (d.countyDeployed !== true)
        violations.push(flag(3, "MATERIAL_NOT_DEPLOYED", "未经县级统一部署向村级组织索要材料"));
      if (d.alreadyProvided === true)
        violations.push({ clause: 3, code: "MATERIAL_REPEATED", reason: `重复索要已报送的材料（${RULES_2024}）` });
      break;
    case "WORK_GROUP":
      byName(
        "WORK_GROUP",
        catalogue.registeredGroups,
        flag(3, "GROUP_NOT_REGISTERED", "工作群或政务APP未列入县级整合保留清单"),
      );
      if (d.forcedCheckIn === true || d.ranking === true || d.onlineTime === true)
        violations.push(flag(3, "GROUP_FORCED_ACTIVITY", "强制打卡、积分排名或在线时长考核"));
      if (d.forcedDownload === true)
        violations.push({
          clause: 3,
          code: "APP_FORCED_DOWNLOAD",
          reason: `强制下载安装政务APP或考核下载率（${FINGERTIP_2024}）`,
        });
      if (d.relayOrInstantReply === true)
        violations.push({
          clause: 3,
          code: "GROUP_RELAY",
          reason: `在工作群要求接龙、报到或即时回复（${FINGERTIP_2024}）`,
        });
      break;
    case "PROOF_DEMAND":
      // The opinion forbids proof as a basis for judging work; unstated means it is so used.
      if (d.usedForAssessment !== false)
        violations.push(flag(3, "PROOF_AS_BASIS", "以截图、录像、定位等留痕作为评判工作依据"));
      break;
    case "MECHANISM": {
      const post = d.dedicatedPost === true;
      const unapproved = flag(
        4,
        "MECHANISM_NOT_APPROVED",
        post ? "未经省级审批设立专人专岗" : "未经省级审批设立村级工作机制",
      );
      const match = matchName(record.title, "MECHANISM", [...catalogue.approvedMechanisms], {
        places: record.places,
        synonyms: catalogue.synonyms?.MECHANISM,
      });
      judgement = nameJudgement("MECHANISM", match);
      const basis = checkLegalBasis(d.legalBasis);
      if (match.status === "MATCH") {
        if (post && catalogue.mechanismPosts?.get(match.item) !== true && basis !== "CHECKABLE")
          violations.push(
            flag(4, "MECHANISM_POST_NOT_APPROVED", `省级批准的“${match.item}”不含专人专岗，要求专人专岗未经省级审批`),
          );
      } else if (basis !== "CHECKABLE") {
        const doubtful =
          match.status === "REVIEW" || basis === "UNCHECKABLE" || checkLegalBasis(d.approvalRef) === "CHECKABLE";
        if (!doubtful || confirmed) violations.push(unapproved);
        else
          reviews.push({
            ...unapproved,
            reason: `${match.status === "REVIEW" ? `名称与省级批准事项${candidatesText(match.candidates)}相近；` : ""}所填依据或文号无法在省级批准清单中核对，待核实；${unapproved.reason}`,
            candidates: match.status === "REVIEW" ? match.candidates : [],
          });
      }
      if (d.separateOffice === true)
        violations.push(flag(5, "MECHANISM_SEPARATE_OFFICE", "要求村级单设办公场所或功能室，未整合进村党群服务中心"));
      break;
    }
    case "SIGNBOARD":
      if (d.counterpart === true) violations.push(flag(6, "SIGN_COUNTERPART", "要求村级组织对口挂牌"));
      else if (d.placement !== "INSIDE")
        byName(
          "SIGNBOARD_STANDARD",
          catalogue.signboardStandard,
          flag(6, "SIGN_NOT_STANDARD", "室外挂牌不在省级统一规范清单内"),
        );
      break;
    case "CERTIFICATE": {
      const match = matchCertificate(str(d.certificateName) || record.title, catalogue.negativeList);
      judgement = match
        ? { catalogue: "CERTIFICATE_NEGATIVE", item: match.item.name, score: 1, via: match.via }
        : { catalogue: "CERTIFICATE_NEGATIVE", item: null, score: null };
      if (match) {
        violations.push(
          flag(
            7,
            "CERT_NEGATIVE_LIST",
            `属于负面清单事项“${match.item.name}”（${match.item.source}第${match.item.no}项）`,
          ),
        );
        break;
      }
      // Not on a list is not lawful yet: a certificate needs a law, regulation or State Council decision.
      const basis = checkLegalBasis(d.legalBasis);
      const noBasis = flag(7, "CERT_NO_BASIS", "无法律法规或国务院决定依据的证明事项");
      if (
        d.hasLegalBasis === false ||
        (basis === "EMPTY" && d.hasLegalBasis !== true) ||
        (basis !== "CHECKABLE" && confirmed)
      )
        violations.push(noBasis);
      else if (basis !== "CHECKABLE")
        reviews.push({
          ...noBasis,
          reason: `未写明可核对的法律法规或国务院决定依据（法规名称或文号），待核实；${noBasis.reason}`,
          candidates: [],
        });
      break;
    }
    case "TASK": {
      const areas = catalogue.forbiddenAreas ?? DEFAULT_FORBIDDEN_AREAS;
      const found = forbiddenResponsibilities(str(d.responsibleFor), areas);
      judgement = {
        catalogue: "TASK_FORBIDDEN",
        item: found[0]?.area ?? null,
        score: found.length ? 1 : null,
        via: found[0]?.word,
      };
      for (const f of found) violations.push(flag(1, "TASK_FORBIDDEN_SUBJECT", `将村级组织作为${f.area}的责任主体`));
      if (d.countyDeployed !== true)
        violations.push(flag(1, "TASK_NOT_DEPLOYED", "未经县级党委和政府统一部署将部门职责派交村级组织"));
      break;
    }
    case "INSPECTION": {
      const outside = {
        clause: 3,
        code: "INSPECTION_OUTSIDE_PLAN",
        reason: `督查检查考核事项未列入年度计划（${RULES_2024}）`,
      };
      const item = byName("INSPECTION_PLAN", catalogue.inspectionPlan, outside);
      if (item)
        ordinalFlag(catalogue.inspectionTimes?.get(item) ?? 1, "开展该项督查检查考核", (r) => ({
          clause: 3,
          code: "INSPECTION_TOO_FREQUENT",
          reason: `${r}，超过年度计划（${RULES_2024}）`,
        }));
      if (d.repeatedMaterials === true)
        violations.push({
          clause: 3,
          code: "INSPECTION_REPEATED_MATERIALS",
          reason: `督查检查中重复要求提供表格或材料（${RULES_2024}）`,
        });
      break;
    }
  }
  return { violations, reviews, judgement };
}

/** The violations alone (callers that do not store 待核实). */
export function classifyRecord(record: ClassifiableRecord, catalogue: CatalogueSnapshot): Violation[] {
  return judgeRecord(record, catalogue).violations;
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
export function buildCatalogueSnapshot(
  items: readonly CatalogueItemLike[],
  scopeRegionCode: string,
  date: Date,
): CatalogueSnapshot {
  const latest = new Map<string, CatalogueItemLike>();
  for (const item of items) {
    if (!scopeRegionCode.startsWith(item.regionCode)) continue;
    if (item.validFrom > date || (item.validTo && item.validTo <= date)) continue;
    const seen = latest.get(item.itemKey);
    if (!seen || seen.version < item.version) latest.set(item.itemKey, item);
  }
  const of = (catalogue: string) => [...latest.values()].filter((i) => i.catalogue === catalogue);
  const detail = (item: CatalogueItemLike, key: string) => (item.details as Record<string, unknown> | null)?.[key];
  // Clause 4 reserves approval of mechanisms and dedicated posts to the province.
  const mechanisms = of("MECHANISM").filter((i) => i.regionCode.length === 2);
  const synonyms: Partial<Record<NameKind, Map<string, string>>> = {};
  for (const s of of("SYNONYM")) {
    const target = detail(s, "catalogue") as NameKind;
    synonyms[target] ??= new Map();
    synonyms[target].set(String(detail(s, "key")), String(detail(s, "item")));
  }
  const areas = of("TASK_FORBIDDEN").map((i) => ({
    name: i.name,
    synonyms: String(detail(i, "synonyms") ?? "")
      .split(/[、,，\s]+/)
      .filter(Boolean),
  }));
  return {
    formList: new Map(
      of("FORM_LIST").map((i) => [i.name, { allowedPerYear: Number(detail(i, "allowedPerYear") ?? 12) }]),
    ),
    registeredGroups: new Set(of("WORK_GROUP").map((i) => i.name)),
    approvedMechanisms: new Set(mechanisms.map((i) => i.name)),
    mechanismPosts: new Map(mechanisms.map((i) => [i.name, detail(i, "dedicatedPost") === true])),
    signboardStandard: new Set(of("SIGNBOARD_STANDARD").map((i) => i.name)),
    inspectionPlan: new Set(of("INSPECTION_PLAN").map((i) => i.name)),
    inspectionTimes: new Map(of("INSPECTION_PLAN").map((i) => [i.name, Number(detail(i, "timesPerYear") ?? 1)])),
    synonyms,
    ...(areas.length ? { forbiddenAreas: areas } : {}),
    negativeList: of("CERTIFICATE_NEGATIVE")
      .map((i) => ({
        no: Number(detail(i, "no") ?? 0),
        name: i.name,
        source: String(detail(i, "source") ?? "负面清单"),
      }))
      .sort((a, b) => a.no - b.no),
  };
}
