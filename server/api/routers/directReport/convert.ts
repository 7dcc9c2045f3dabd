import { z } from "zod";
import { convertDirectReport } from "../../../services/directReports";
import { accessProcedure } from "../../trpc";
import { recordInputSchema } from "../record/schemas";

/** Verified: becomes a burden record (source 直报) and the report is marked converted. */
export const convert = accessProcedure("directReport.convert")
  .input(
    z.object({ id: z.string().min(1).max(40), record: recordInputSchema, note: z.string().trim().max(500).nullish() }),
  )
  .mutation(({ ctx, input }) => convertDirectReport(ctx.db, ctx.user, input.id, input.record, input.note ?? null));
