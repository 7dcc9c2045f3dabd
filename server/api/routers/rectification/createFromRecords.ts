import { z } from "zod";
import { createFromRecords as create } from "../../../services/rectification/create";
import { accessProcedure } from "../../trpc";
import { itemOptionsSchema } from "./schemas";

/** Items from selected violating records: one per responsible department. */
export const createFromRecords = accessProcedure("rectification.createFromRecords")
  .input(
    z.object({
      recordIds: z
        .array(z.string().min(1).max(40), { error: "请选择违规记录" })
        .min(1, "请至少选择一条违规记录")
        .max(500, "一次最多选择500条记录"),
      options: itemOptionsSchema.default({}),
    }),
  )
  .mutation(({ ctx, input }) => create(ctx.db, ctx.user, input.recordIds, input.options));
