import { z } from "zod";
import { listDirectReports } from "../../../services/directReports";
import { regionAccessProcedure } from "../../trpc";

/** Reports in a region for triage (monitors only: departments never see reporters). */
export const list = regionAccessProcedure("directReport.list")
  .input(z.object({ status: z.enum(["RECEIVED", "CONVERTED", "REJECTED"], { error: "状态无效" }).optional() }))
  .query(({ ctx, input }) => listDirectReports(ctx.db, input.regionCode, input.status));
