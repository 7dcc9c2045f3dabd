import { z } from "zod";
import { defaultPeriod } from "../../../services/metrics";
import { regionScoreDetail } from "../../../services/overview";
import { regionProcedure } from "../../trpc";
import { periodSchema } from "./schemas";

/** 地区详情: score by kind, trend against peers' median, worst departments. */
export const regionDetail = regionProcedure
  .input(z.object({ period: periodSchema.optional() }))
  .query(async ({ ctx, input }) =>
    regionScoreDetail(ctx.db, input.regionCode, input.period ?? (await defaultPeriod(ctx.db, input.regionCode))),
  );
