import { z } from "zod";
import { submitItem } from "../../../services/rectification/workflow";
import { accessProcedure } from "../../trpc";
import { itemIdSchema } from "./schemas";
import { trimmedText } from "../../schemas";

/** The responsible department reports what it did, with the evidence it uploaded. */
export const submit = accessProcedure("rectification.submit")
  .input(
    z.object({
      id: itemIdSchema,
      measures: trimmedText("请填写整改措施", 2000, "整改措施不能超过2000个字", 5, "请用至少5个字说明整改措施"),
    }),
  )
  .mutation(({ ctx, input }) => submitItem(ctx.db, ctx.user, input.id, input.measures));
