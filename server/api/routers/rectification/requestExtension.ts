import { z } from "zod";
import { requestExtension as request } from "../../../services/rectification/workflow";
import { accessProcedure } from "../../trpc";
import { deadlineSchema, itemIdSchema } from "./schemas";

/** The department asks for a later deadline, with a reason. */
export const requestExtension = accessProcedure("rectification.requestExtension")
  .input(
    z.object({
      id: itemIdSchema,
      until: deadlineSchema,
      reason: z
        .string({ error: "请填写延期理由" })
        .trim()
        .min(5, "请用至少5个字说明延期理由")
        .max(1000, "理由不能超过1000个字"),
    }),
  )
  .mutation(({ ctx, input }) => request(ctx.db, ctx.user, input.id, input.until, input.reason));
