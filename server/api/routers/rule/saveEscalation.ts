import { z } from "zod";
import { saveEscalationLimits } from "../../../services/alerts/escalationSettings";
import { accessProcedure } from "../../trpc";

const limit = z.number({ error: "时限应为分钟数" }).int("时限应为整数分钟");

export const saveEscalation = accessProcedure("rule.saveEscalation")
  .input(z.object({ INFO: limit, WARNING: limit, CRITICAL: limit }))
  .mutation(({ ctx, input }) => saveEscalationLimits(ctx.db, ctx.user, input));
