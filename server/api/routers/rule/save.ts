import { z } from "zod";
import { RULE_PERIOD_LIMITS, type RulePeriodField, rulePeriodRangeMessage } from "../../../domain/alerts";
import { saveRuleForRegion } from "../../../services/alerts/alertRules";
import { regionAccessProcedure } from "../../trpc";

const periods = (field: RulePeriodField) => {
  const { name, min, max } = RULE_PERIOD_LIMITS[field];
  return z
    .number({ error: `${name}应为整数月数` })
    .int(`${name}应为整数月数`)
    .min(min, rulePeriodRangeMessage(field))
    .max(max, rulePeriodRangeMessage(field));
};

export const ruleSaveInput = z.object({
  ruleKey: z.string().min(1).max(60),
  severity: z.enum(["INFO", "WARNING", "CRITICAL"], { error: "级别无效" }),
  enterThreshold: z.number({ error: "触发阈值应为数字" }).min(0, "触发阈值不能为负").max(1e6, "触发阈值过大"),
  exitThreshold: z.number({ error: "恢复阈值应为数字" }).min(0, "恢复阈值不能为负").max(1e6, "恢复阈值过大"),
  pendingPeriods: periods("pendingPeriods"),
  /** Left out: the rule keeps the recovery periods it inherits. */
  recoveryPeriods: periods("recoveryPeriods").optional(),
  enabled: z.boolean(),
});

/** A monitor's thresholds and periods for a region in their jurisdiction; a new version each time, audited. */
export const save = regionAccessProcedure("rule.save")
  .input(ruleSaveInput)
  .mutation(({ ctx, input }) => saveRuleForRegion(ctx.db, ctx.user, input));
