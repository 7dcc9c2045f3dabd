import { z } from "zod";
import { saveRuleForRegion } from "../../../services/alerts/alertRules";
import { regionAccessProcedure } from "../../trpc";

/** A monitor's thresholds for a region in their jurisdiction; a new version each time. */
export const save = regionAccessProcedure("rule.save")
  .input(
    z.object({
      ruleKey: z.string().min(1).max(60),
      severity: z.enum(["INFO", "WARNING", "CRITICAL"], { error: "级别无效" }),
      enterThreshold: z.number({ error: "触发阈值应为数字" }).min(0).max(1e6),
      exitThreshold: z.number({ error: "恢复阈值应为数字" }).min(0).max(1e6),
      pendingPeriods: z.number().int().min(0).max(12),
      enabled: z.boolean(),
    }),
  )
  .mutation(({ ctx, input }) => saveRuleForRegion(ctx.db, ctx.user, input));
