// Kind-specific fields of a burden record (domain.md §2). One spec drives the
// zod validation, the entry form and the Excel ledger columns.
import { z } from "zod";
import type { BurdenKind } from "./burdenKinds";

export type FieldSpec =
  | { key: string; label: string; type: "text"; required?: boolean; max: number; example: string }
  | { key: string; label: string; type: "boolean"; required?: boolean; example: boolean }
  | { key: string; label: string; type: "integer"; required?: boolean; min: number; max: number; example: number }
  | {
      key: string;
      label: string;
      type: "enum";
      required?: boolean;
      options: { value: string; label: string }[];
      example: string;
    };

const yesNo = (key: string, label: string, required = false, example = false): FieldSpec => ({
  key,
  label,
  type: "boolean",
  required,
  example,
});

/** A required choice among `options` ([value, label] pairs). */
const choice = (key: string, label: string, options: [string, string][], example: string): FieldSpec => ({
  key,
  label,
  type: "enum",
  required: true,
  options: options.map(([value, label]) => ({ value, label })),
  example,
});

export const DETAIL_FIELDS: Record<BurdenKind, FieldSpec[]> = {
  FORM: [
    { key: "frequency", label: "填报频次", type: "text", max: 20, example: "每月" },
    { key: "fillingsPerYear", label: "每年填报次数", type: "integer", min: 1, max: 366, example: 12 },
    { key: "fields", label: "表格字段", type: "text", max: 500, example: "姓名、身份证号、家庭人口" },
    yesNo("alreadyProvided", "是否重复采集已报送数据"),
  ],
  MATERIAL: [
    yesNo("countyDeployed", "是否经县级统一部署", true, true),
    { key: "deadlineDays", label: "限期天数", type: "integer", min: 0, max: 365, example: 7 },
    yesNo("alreadyProvided", "是否重复索要已报送材料"),
  ],
  WORK_GROUP: [
    choice(
      "platform",
      "平台",
      [
        ["微信", "微信"],
        ["政务APP", "政务APP"],
        ["其他", "其他"],
      ],
      "微信",
    ),
    yesNo("forcedCheckIn", "是否强制打卡"),
    yesNo("ranking", "是否积分排名"),
    yesNo("onlineTime", "是否考核在线时长"),
    yesNo("forcedDownload", "是否强制下载或考核下载率"),
    yesNo("relayOrInstantReply", "是否要求接龙或即时回复"),
  ],
  PROOF_DEMAND: [
    { key: "proof", label: "留痕方式", type: "text", required: true, max: 50, example: "截图+定位" },
    { key: "task", label: "对应工作", type: "text", max: 200, example: "入户走访" },
    yesNo("usedForAssessment", "是否用于考核评价", false, true),
  ],
  MECHANISM: [
    yesNo("dedicatedPost", "是否要求专人专岗", true),
    { key: "approvalRef", label: "省级审批文号", type: "text", max: 100, example: "" },
    { key: "legalBasis", label: "中央或法律依据", type: "text", max: 200, example: "" },
    yesNo("separateOffice", "是否要求单设办公场所"),
  ],
  SIGNBOARD: [
    choice(
      "placement",
      "挂牌位置",
      [
        ["OUTSIDE", "室外"],
        ["INSIDE", "室内"],
      ],
      "OUTSIDE",
    ),
    yesNo("counterpart", "是否对口挂牌"),
  ],
  CERTIFICATE: [
    { key: "certificateName", label: "证明名称", type: "text", required: true, max: 100, example: "无犯罪证明" },
    { key: "requestingBody", label: "索要单位", type: "text", max: 100, example: "县公安局窗口" },
    yesNo("hasLegalBasis", "是否有法律依据", false, true),
    { key: "legalBasis", label: "法律依据", type: "text", max: 200, example: "" },
  ],
  TASK: [
    yesNo("countyDeployed", "是否经县级统一部署", true, true),
    { key: "responsibleFor", label: "要求村级承担的责任", type: "text", max: 100, example: "" },
  ],
  INSPECTION: [
    { key: "organiser", label: "组织单位", type: "text", required: true, max: 100, example: "县委督查室" },
    yesNo("repeatedMaterials", "是否重复要求报送表格材料"),
  ],
};

function fieldSchema(spec: FieldSpec): z.ZodType {
  const need = spec.required ? `请填写${spec.label}` : `${spec.label}格式有误`;
  let schema: z.ZodType;
  switch (spec.type) {
    case "text":
      schema = z.string({ error: need }).trim().max(spec.max, `${spec.label}不能超过${spec.max}个字`);
      if (spec.required) schema = (schema as z.ZodString).min(1, `请填写${spec.label}`);
      break;
    case "boolean":
      schema = z.boolean({ error: `${spec.label}应为“是”或“否”` });
      break;
    case "integer":
      schema = z
        .number({ error: `${spec.label}应为整数` })
        .int(`${spec.label}应为整数`)
        .min(spec.min, `${spec.label}不能小于${spec.min}`)
        .max(spec.max, `${spec.label}不能大于${spec.max}`);
      break;
    case "enum":
      schema = z.enum(spec.options.map((o) => o.value) as [string, ...string[]], {
        error: `${spec.label}应为${spec.options.map((o) => o.label).join("、")}之一`,
      });
      break;
  }
  return spec.required ? schema : schema.optional();
}

/** A zod object for a list of field specs. */
export function schemaOfFields(specs: readonly FieldSpec[]): z.ZodObject {
  return z.object(Object.fromEntries(specs.map((s) => [s.key, fieldSchema(s)])));
}

export const DETAIL_SCHEMAS = Object.fromEntries(
  Object.entries(DETAIL_FIELDS).map(([kind, specs]) => [kind, schemaOfFields(specs)]),
) as Record<BurdenKind, z.ZodObject>;

/** Validates details for `kind`; Chinese messages name the field. Unknown keys are dropped. */
export function parseDetails(kind: BurdenKind, details: unknown) {
  return DETAIL_SCHEMAS[kind].safeParse(details ?? {});
}
