import { z } from "zod";
import { effectiveRules, ruleVersions } from "../../../services/alerts/alertRules";
import { escalationLimits, saveEscalationLimits } from "../../../services/alerts/escalationSettings";
import { accessProcedure, createTRPCRouter, protectedProcedure, regionProcedure } from "../../trpc";
import { save } from "./save";

/** Rules in force for a region (its own thresholds or inherited ones). */
const list = regionProcedure.query(({ ctx, input }) => effectiveRules(ctx.db, input.regionCode));

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
