import { z } from "zod";
import { rejectDirectReport } from "../../../services/directReports";
import { accessProcedure } from "../../trpc";

export const reject = accessProcedure("directReport.reject")
  .input(
    z.object({
      id: z.string().min(1).max(40),
      note: z.string({ error: "请填写不予采纳的理由" }).trim().min(2, "请填写不予采纳的理由").max(500),
    }),
  )
  .mutation(({ ctx, input }) => rejectDirectReport(ctx.db, ctx.user, input.id, input.note));
