import { z } from "zod";
import { issueAccessCode as issue } from "../../../services/directReports";
import { regionCodeSchema, roleProcedure } from "../../trpc";

/** Sets up a village as a monitoring point, or rotates its access code. */
export const issueAccessCode = roleProcedure("monitor", "admin")
  .input(z.object({ villageCode: regionCodeSchema }))
  .mutation(({ ctx, input }) => issue(ctx.db, ctx.user, input.villageCode));
