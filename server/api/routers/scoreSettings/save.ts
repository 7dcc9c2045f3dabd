import { z } from "zod";
import { BURDEN_KINDS, type BurdenKind } from "../../../domain/burdenKinds";
import { saveScoreSettings } from "../../../services/scoreSettings";
import { regionAccessProcedure } from "../../trpc";
import { periodSchema } from "../metrics/schemas";

const weight = z.number({ error: "权重应为数字" }).min(0, "权重不能为负").max(10, "权重不能超过10");
const minutes = z
  .number({ error: "标准工时应为数字" })
  .min(0, "标准工时不能为负")
  .max(10_000, "标准工时不能超过10000分钟");

/** Monitors edit weights, standard minutes and the baseline month; each save is a new version. */
export const save = regionAccessProcedure("scoreSettings.save")
  .input(
    z.object({
      weights: z.object(Object.fromEntries(BURDEN_KINDS.map((k) => [k, weight])) as Record<BurdenKind, typeof weight>),
      minutes: z.object({
        ...(Object.fromEntries(BURDEN_KINDS.map((k) => [k, minutes])) as Record<BurdenKind, typeof minutes>),
        MECHANISM_POST: minutes,
        FIELD_ENTRY: minutes.optional(),
      }),
      baselinePeriod: periodSchema,
    }),
  )
  .mutation(({ ctx, input }) => saveScoreSettings(ctx.db, ctx.user, input));
