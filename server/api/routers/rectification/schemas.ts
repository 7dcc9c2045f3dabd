import { z } from "zod";
import { RECTIFICATION_ACTIONS, RECTIFICATION_STATES } from "../../../domain/rectification";

export const itemIdSchema = z
  .string({ error: "请提供整改事项编号" })
  .min(1, "请提供整改事项编号")
  .max(40, "整改事项编号无效");
export const actionSchema = z.enum(RECTIFICATION_ACTIONS, { error: "整改措施类型无效" });
export const severitySchema = z.enum(["INFO", "WARNING", "CRITICAL"], { error: "严重程度无效" });
export const stateSchema = z.enum(RECTIFICATION_STATES, { error: "整改状态无效" });
export const clauseSchema = z
  .number({ error: "请选择违反的条款" })
  .int("条款应为第1至8条")
  .min(1, "条款应为第1至8条")
  .max(8, "条款应为第1至8条");
export const deadlineSchema = z.coerce.date({ error: "整改期限无效" });

/** What a monitor may set when creating from records or an alert; the rest is derived. */
export const itemOptionsSchema = z.object({
  title: z.string().trim().max(200, "标题不能超过200个字").nullish(),
  action: actionSchema.nullish(),
  requirement: z.string().trim().max(2000, "整改要求不能超过2000个字").nullish(),
  severity: severitySchema.nullish(),
  deadline: deadlineSchema.nullish(),
});
