import { z } from "zod";
import { effectiveRules, ruleVersions, saveRuleForRegion } from "../../../services/alerts/alertRules";
import { escalationLimits, saveEscalationLimits } from "../../../services/alerts/escalationSettings";
import {
  accessProcedure,
  createTRPCRouter,
  protectedProcedure,
  regionAccessProcedure,
  regionProcedure,
} from "../../trpc";

/** Rules in force for a region (its own thresholds or inherited ones). */
const list = regionProcedure.query(({ ctx, input }) => effectiveRules(ctx.db, input.regionCode));

/** A monitor's thresholds for a region in their jurisdiction; a new version each time. */
const save = regionAccessProcedure("rule.save")
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

const versions = regionProcedure
  .input(z.object({ ruleKey: z.string().min(1).max(60) }))
  .query(({ ctx, input }) => ruleVersions(ctx.db, input.regionCode, input.ruleKey));

const limit = z.number({ error: "时限应为分钟数" }).int("时限应为整数分钟");

/** Minutes before an unacknowledged alert escalates, per severity (system-wide). */
const escalation = protectedProcedure.query(({ ctx }) => escalationLimits(ctx.db));
const saveEscalation = accessProcedure("rule.saveEscalation")
  .input(z.object({ INFO: limit, WARNING: limit, CRITICAL: limit }))
  .mutation(({ ctx, input }) => saveEscalationLimits(ctx.db, ctx.user, input));

export const ruleRouter = createTRPCRouter({ escalation, list, save, saveEscalation, versions });
