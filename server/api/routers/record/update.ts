import { z } from "zod";
import { accessProcedure } from "../../trpc";
import { updateBurdenRecord } from "../../../services/records";
import { recordIdSchema, recordInputSchema } from "./schemas";

/** Edits a record; the previous version is kept as a revision. */
export const update = accessProcedure("record.update")
  .input(z.object({ id: recordIdSchema, record: recordInputSchema, reason: z.string().trim().max(500).nullish() }))
  .mutation(({ ctx, input }) => updateBurdenRecord(ctx.db, ctx.user, input.id, input.record, input.reason ?? null));
