import { z } from "zod";
import { generateMonthlyReport } from "../../../services/reports/archive";
import { regionAccessProcedure } from "../../trpc";
import { periodSchema } from "./schemas";

/** Generates a new version on demand; earlier versions stay as they were issued. */
export const generate = regionAccessProcedure("monthlyReport.generate")
  .input(z.object({ period: periodSchema }))
  .mutation(({ ctx, input }) => generateMonthlyReport(ctx.db, input.regionCode, input.period, "MANUAL", ctx.user));
