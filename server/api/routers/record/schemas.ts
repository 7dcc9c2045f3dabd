import { z } from "zod";
import { BURDEN_KINDS } from "../../../domain/burdenKinds";
import { evidenceProblem, occurredOnProblem, titleProblem, unitsProblem } from "../../../domain/burdenRecord";
import { regionCodeSchema } from "../../trpc";

export const burdenKindSchema = z.enum(BURDEN_KINDS, { error: "负担类别无效" });

export const periodSchema = z
  .number({ error: "期间应为年月数字，如 202601" })
  .int()
  .min(200001, "期间无效")
  .max(209912, "期间无效");

/** A zod check that reports the domain rule's own message, so every write path words it the same. */
function rule<T>(problem: (value: T) => string | null) {
  return (value: T, ctx: z.core.$RefinementCtx<T>) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: "custom", message });
  };
}

// The value rules live in domain/burdenRecord (shared with ledger import and the
// record service); only type and size guards are written here.
export const recordInputSchema = z.object({
  kind: burdenKindSchema,
  departmentId: z.string({ error: "请选择下达部门" }).min(1, "请选择下达部门").max(40),
  scopeRegionCode: regionCodeSchema,
  title: z
    .string({ error: "请填写事项名称" })
    .superRefine(rule(titleProblem))
    .transform((t) => t.trim()),
  details: z.record(z.string(), z.unknown()).default({}),
  units: z.number({ error: "数量应为数字" }).superRefine(rule(unitsProblem)),
  occurredOn: z.coerce.date({ error: "发生日期无效" }).superRefine(rule((d: Date) => occurredOnProblem(d))),
  evidence: z
    .string({ error: "佐证说明应为文字" })
    .superRefine(rule(evidenceProblem))
    .transform((e) => e.trim())
    .nullish(),
});

export const recordIdSchema = z.string({ error: "请提供记录编号" }).min(1).max(40);
