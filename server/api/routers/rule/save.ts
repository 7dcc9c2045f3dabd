import { z } from "zod";
import { saveRuleForRegion } from "../../../services/alerts/alertRules";
import { regionAccessProcedure } from "../../trpc";

const periods = (name: string, min: number) =>
  z
    .number({ error: `${name}应为整数月数` })
    .int(`${name}应为整数月数`)
    .min(min, `${name}应为${min}至12个月`)
    .max(12, `${name}应为${min}至12个月`);

export const ruleSaveInput = z.object({
  ruleKey: z.string().min(1).max(60),
  severity: z.enum(["INFO", "WARNING", "CRITICAL"], { error: "级别无效" }),
  enterThreshold: z.number({ error: "触发阈值应为数字" }).min(0, "触发阈值不能为负").max(1e6, "触发阈值过大"),
  exitThreshold: z.number({ error: "恢复阈值应为数字" }).min(0, "恢复阈值不能为负").max(1e6, "恢复阈值过大"),
  pendingPeriods: periods("待定期数", 0),
  /** Left out: the rule keeps the recovery periods it inherits. */
  recoveryPeriods: periods("恢复期数", 1).optional(),
  enabled: z.boolean(),
});

/** A monitor's thresholds and periods for a region in their jurisdiction; a new version each time, audited. */
export const save = regionAccessProcedure("rule.save")
  .input(ruleSaveInput)
  .mutation(({ ctx, input }) => saveRuleForRegion(ctx.db, ctx.user, input));
