// Catalogues (目录) that decide whether a burden is allowed (domain.md §1, §2).
import type { FieldSpec } from "./burdenDetails";
import type { BurdenKind } from "./burdenKinds";
import type { RegionLevel } from "./regions";

export const CATALOGUES = [
  "FORM_LIST",
  "WORK_GROUP",
  "MECHANISM",
  "SIGNBOARD_STANDARD",
  "CERTIFICATE_NEGATIVE",
  "INSPECTION_PLAN",
  "TASK_FORBIDDEN",
] as const;
export type Catalogue = (typeof CATALOGUES)[number];

/** The signboards a village organisation hangs as standard (标准挂牌): the entries of 村级组织挂牌标准. */
export const STANDARD_SIGNBOARDS: readonly string[] = [
  "村党组织",
  "村民委员会",
  "村集体经济组织",
  "村务监督委员会",
  "村党群服务中心",
  "村新时代文明实践站",
];

export interface CatalogueInfo {
  name: string;
  governs: BurdenKind;
  /** Region levels that may own this catalogue. */
  ownerLevels: RegionLevel[];
  /** Whether departments may apply for admission (准入) of a new entry. */
  admission: boolean;
}

export const CATALOGUE_INFO: Record<Catalogue, CatalogueInfo> = {
  FORM_LIST: { name: "县级年度统一填报表格目录", governs: "FORM", ownerLevels: [3], admission: true },
  WORK_GROUP: { name: "县级整合保留工作群和政务APP清单", governs: "WORK_GROUP", ownerLevels: [3], admission: true },
  // Clause 4: only the provincial Party committee and government approve mechanisms and dedicated posts.
  MECHANISM: { name: "省级批准的村级工作机制", governs: "MECHANISM", ownerLevels: [1], admission: true },
  SIGNBOARD_STANDARD: { name: "省级村级组织挂牌规范", governs: "SIGNBOARD", ownerLevels: [1], admission: true },
  CERTIFICATE_NEGATIVE: { name: "证明事项负面清单", governs: "CERTIFICATE", ownerLevels: [1, 3], admission: false },
  INSPECTION_PLAN: { name: "年度督查检查考核计划", governs: "INSPECTION", ownerLevels: [1, 2, 3], admission: true },
  TASK_FORBIDDEN: { name: "村级组织不得作为责任主体的事项", governs: "TASK", ownerLevels: [1], admission: false },
};

export function itemKeyFor(catalogue: Catalogue, regionCode: string, name: string): string {
  return `${catalogue}:${regionCode}:${name.trim()}`;
}

/** Extra fields an entry of each catalogue carries. */
export const CATALOGUE_FIELDS: Record<Catalogue, FieldSpec[]> = {
  FORM_LIST: [
    {
      key: "allowedPerYear",
      label: "每年允许填报次数",
      type: "integer",
      required: true,
      min: 1,
      max: 366,
      example: 12,
    },
    { key: "fields", label: "表格字段", type: "text", max: 500, example: "" },
  ],
  WORK_GROUP: [
    {
      key: "platform",
      label: "平台",
      type: "enum",
      options: [
        { value: "微信", label: "微信" },
        { value: "政务APP", label: "政务APP" },
        { value: "其他", label: "其他" },
      ],
      example: "微信",
    },
  ],
  MECHANISM: [
    {
      key: "approvalRef",
      label: "审批文号或依据",
      type: "text",
      required: true,
      max: 100,
      example: "吉民发〔2023〕12号",
    },
    { key: "dedicatedPost", label: "是否设专人专岗", type: "boolean", example: false },
  ],
  SIGNBOARD_STANDARD: [],
  CERTIFICATE_NEGATIVE: [
    { key: "no", label: "清单序号", type: "integer", min: 1, max: 9999, example: 1 },
    { key: "source", label: "清单来源", type: "text", required: true, max: 200, example: "省民政厅2023年负面清单" },
  ],
  INSPECTION_PLAN: [
    { key: "organiser", label: "组织单位", type: "text", max: 100, example: "县委督查室" },
    { key: "timesPerYear", label: "每年次数", type: "integer", min: 1, max: 12, example: 1 },
  ],
  TASK_FORBIDDEN: [
    { key: "synonyms", label: "同义说法（以顿号分隔）", type: "text", max: 500, example: "执法、行政处罚、罚款" },
  ],
};
