import { z } from "zod";
import { BURDEN_KINDS } from "../../../domain/burdenKinds";
import { regionCodeSchema } from "../../trpc";

export const burdenKindSchema = z.enum(BURDEN_KINDS, { error: "负担类别无效" });

export const periodSchema = z.number({ error: "期间应为年月数字，如 202601" }).int().min(200001, "期间无效").max(209912, "期间无效");

export const recordInputSchema = z.object({
  kind: burdenKindSchema,
  departmentId: z.string({ error: "请选择下达部门" }).min(1, "请选择下达部门").max(40),
  scopeRegionCode: regionCodeSchema,
  title: z.string({ error: "请填写事项名称" }).trim().min(1, "请填写事项名称").max(200, "事项名称不能超过200个字"),
  details: z.record(z.string(), z.unknown()).default({}),
  units: z.number({ error: "数量应为数字" }).int("数量应为整数").min(1, "数量至少为1").max(10_000, "数量不能超过10000"),
  occurredOn: z.coerce.date({ error: "日期无效" }).refine((d) => d.getUTCFullYear() >= 2000 && d.getTime() <= Date.now() + 366 * 86400_000, "日期超出合理范围"),
  evidence: z.string().trim().max(2000, "佐证说明不能超过2000个字").nullish(),
});

export const recordIdSchema = z.string({ error: "请提供记录编号" }).min(1).max(40);
