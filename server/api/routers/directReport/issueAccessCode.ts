import { z } from "zod";
import { issueAccessCode as issue } from "../../../services/directReports";
import { accessProcedure, regionCodeSchema } from "../../trpc";

/** Sets up a village as a monitoring point, or rotates its access code. */
export const issueAccessCode = accessProcedure("directReport.issueAccessCode")
  .input(z.object({ villageCode: regionCodeSchema }))
  .mutation(({ ctx, input }) => issue(ctx.db, ctx.user, input.villageCode));
