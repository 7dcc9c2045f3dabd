import { z } from "zod";
import { requestExtension as request } from "../../../services/rectification/workflow";
import { accessProcedure } from "../../trpc";
import { deadlineSchema, itemIdSchema } from "./schemas";
import { trimmedText } from "../../schemas";

/** The department asks for a later deadline, with a reason. */
export const requestExtension = accessProcedure("rectification.requestExtension")
  .input(
    z.object({
      id: itemIdSchema,
      until: deadlineSchema,
      reason: trimmedText("请填写延期理由", 1000, "理由不能超过1000个字", 5, "请用至少5个字说明延期理由"),
    }),
  )
  .mutation(({ ctx, input }) => request(ctx.db, ctx.user, input.id, input.until, input.reason));
