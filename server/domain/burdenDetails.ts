// Kind-specific fields of a burden record (domain.md §2), validated with zod.
import { z } from "zod";
import type { BurdenKind } from "./burdenKinds";

const text = (label: string, max = 200) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max = 500) => z.string().trim().max(max, `${label}不能超过${max}个字`).optional();

export const DETAIL_SCHEMAS = {
  FORM: z.object({
    frequency: optionalText("填报频次", 20),
    fillingsPerYear: z.number({ error: "每年填报次数应为数字" }).int().min(1, "每年填报次数至少为1").max(366, "每年填报次数不能超过366").optional(),
    fields: optionalText("表格字段"),
  }),
  MATERIAL: z.object({
    countyDeployed: z.boolean({ error: "请说明是否经县级统一部署" }),
    deadlineDays: z.number().int().min(0).max(365).optional(),
  }),
  WORK_GROUP: z.object({
    platform: z.enum(["微信", "政务APP", "其他"], { error: "平台应为 微信、政务APP 或 其他" }),
    forcedCheckIn: z.boolean().optional(),
    ranking: z.boolean().optional(),
    onlineTime: z.boolean().optional(),
  }),
  PROOF_DEMAND: z.object({ proof: text("留痕方式", 50), task: optionalText("对应工作") }),
  MECHANISM: z.object({
    dedicatedPost: z.boolean({ error: "请说明是否要求专人专岗" }),
    approvalRef: optionalText("审批文号", 100),
    legalBasis: optionalText("法律法规依据", 200),
  }),
  SIGNBOARD: z.object({
    placement: z.enum(["OUTSIDE", "INSIDE"], { error: "挂牌位置应为 室外 或 室内" }),
    counterpart: z.boolean().optional(),
  }),
  CERTIFICATE: z.object({
    certificateName: text("证明名称", 100),
    requestingBody: optionalText("索要单位", 100),
    hasLegalBasis: z.boolean().optional(),
    legalBasis: optionalText("法律依据", 200),
  }),
  TASK: z.object({
    countyDeployed: z.boolean({ error: "请说明是否经县级统一部署" }),
    responsibleFor: optionalText("责任主体要求", 100),
  }),
  INSPECTION: z.object({ organiser: text("组织单位", 100) }),
} satisfies Record<BurdenKind, z.ZodType>;

export type BurdenDetails<K extends BurdenKind> = z.infer<(typeof DETAIL_SCHEMAS)[K]>;

/** Validates details for `kind`; Chinese messages name the field. */
export function parseDetails(kind: BurdenKind, details: unknown) {
  return DETAIL_SCHEMAS[kind].safeParse(details ?? {});
}
