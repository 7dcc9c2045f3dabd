import { z } from "zod";
import { accessProcedure } from "../../trpc";
import { withdrawBurdenRecord } from "../../../services/records";
import { recordIdSchema } from "./schemas";

/** Withdraws a record (kept, with the reason, out of all counts). */
export const withdraw = accessProcedure("record.withdraw")
  .input(
    z.object({
      id: recordIdSchema,
      reason: z.string({ error: "请填写撤回原因" }).trim().min(2, "请填写撤回原因").max(500),
    }),
  )
  .mutation(({ ctx, input }) => withdrawBurdenRecord(ctx.db, ctx.user, input.id, input.reason));
