import { z } from "zod";
import { returnItem } from "../../../services/rectification/workflow";
import { accessProcedure } from "../../trpc";
import { itemIdSchema } from "./schemas";

/** 退回: the evidence does not show the problem is fixed. */
export const sendBack = accessProcedure("rectification.sendBack")
  .input(
    z.object({
      id: itemIdSchema,
      reason: z.string({ error: "请填写退回理由" }).trim().min(2, "请填写退回理由").max(1000, "理由不能超过1000个字"),
    }),
  )
  .mutation(({ ctx, input }) => returnItem(ctx.db, ctx.user, input.id, input.reason));
