import { z } from "zod";
import { defaultPeriod } from "../../../services/metrics";
import { overview as overviewOf } from "../../../services/overview";
import { regionProcedure } from "../../trpc";
import { periodSchema } from "./schemas";

/** 总览: headline figures with change, trends, breakdowns and the children of a region. */
export const overview = regionProcedure
  .input(z.object({ period: periodSchema.optional() }))
  .query(async ({ ctx, input }) =>
    overviewOf(ctx.db, input.regionCode, input.period ?? (await defaultPeriod(ctx.db, input.regionCode))),
  );
