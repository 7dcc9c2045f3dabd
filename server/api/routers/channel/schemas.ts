import { z } from "zod";
import { RULE_TYPES, SEVERITIES } from "../../../domain/alerts";
import { CONTACT_KINDS } from "../../../domain/notifications";
import { regionCodeSchema } from "../../trpc";

export const idSchema = z.string({ error: "缺少编号" }).min(1, "缺少编号").max(40, "编号无效");

export const severitiesSchema = z.array(z.enum(SEVERITIES, { error: "预警级别无效" })).max(3);

const seconds = (label: string, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数秒`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过 ${max} 秒`);

export const contactPointInput = z.object({
  id: idSchema.optional(),
  regionCode: regionCodeSchema,
  name: z.string({ error: "请填写渠道名称" }).trim().min(1, "请填写渠道名称").max(60, "渠道名称不超过60字"),
  kind: z.enum(CONTACT_KINDS, { error: "请选择渠道类型" }),
  target: z.string({ error: "请填写地址" }).trim().min(1, "请填写 Webhook 地址或邮箱").max(1000, "地址过长"),
  /** Omitted keeps the saved secret; null or "" removes it. */
  secret: z.string().max(500, "密钥过长").nullish(),
  enabled: z.boolean().default(true),
});

export const policyInput = z.object({
  id: idSchema.optional(),
  regionCode: regionCodeSchema,
  contactPointId: idSchema,
  severities: severitiesSchema.min(1, "请至少选择一个预警级别"),
  ruleTypes: z.array(z.enum(RULE_TYPES, { error: "规则类型无效" })).max(RULE_TYPES.length),
  groupWaitSec: seconds("分组等待", 3600).default(30),
  groupIntervalSec: seconds("分组间隔", 86_400).default(300),
  repeatIntervalSec: seconds("重复提醒间隔", 7 * 86_400).default(4 * 3600),
  enabled: z.boolean().default(true),
});

const minuteOfDay = z.number().int().min(0, "时间无效").max(1439, "时间无效").nullable();

export const preferencesInput = z.object({
  email: z.string({ error: "请填写邮箱" }).trim().min(3, "请填写邮箱").max(200, "邮箱过长"),
  enabled: z.boolean(),
  severities: severitiesSchema,
  quietStart: minuteOfDay,
  quietEnd: minuteOfDay,
});
