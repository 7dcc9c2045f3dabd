import { z } from "zod";
import { createSilence } from "../../../services/alerts/alertActions";
import { accessProcedure, regionCodeSchema } from "../../trpc";

export const silence = accessProcedure("alert.silence")
  .input(
    z.object({
      regionCode: regionCodeSchema,
      ruleKey: z.string().max(60).nullish(),
      reason: z.string().trim().min(2, "请填写静默理由").max(500),
      expiresAt: z.coerce.date({ error: "请设置截止时间" }),
    }),
  )
  .mutation(({ ctx, input }) =>
    createSilence(ctx.db, ctx.user, {
      regionCode: input.regionCode,
      ruleKey: input.ruleKey ?? null,
      reason: input.reason,
      expiresAt: input.expiresAt,
    }),
  );
