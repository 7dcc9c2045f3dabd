import { z } from "zod";
import { generateMonthlyReport } from "../../../services/reports/archive";
import { regionProcedure, requireRoles } from "../../trpc";
import { periodSchema } from "./schemas";

/** Generates a new version on demand; earlier versions stay as they were issued. */
export const generate = regionProcedure
  .use(requireRoles("monitor", "admin"))
  .input(z.object({ period: periodSchema }))
  .mutation(({ ctx, input }) => generateMonthlyReport(ctx.db, input.regionCode, input.period, "MANUAL", ctx.user));
