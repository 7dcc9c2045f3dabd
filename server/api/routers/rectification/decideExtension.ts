import { z } from "zod";
import { decideExtension as decide } from "../../../services/rectification/workflow";
import { accessProcedure } from "../../trpc";
import { itemIdSchema } from "./schemas";

/** A monitor approves (the deadline moves) or rejects (with a reason) an extension. */
export const decideExtension = accessProcedure("rectification.decideExtension")
  .input(
    z.object({
      id: itemIdSchema,
      approve: z.boolean({ error: "请选择批准或驳回" }),
      reason: z.string().trim().max(1000, "理由不能超过1000个字").nullish(),
    }),
  )
  .mutation(({ ctx, input }) => decide(ctx.db, ctx.user, input.id, input.approve, input.reason ?? null));
