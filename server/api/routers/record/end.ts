import { z } from "zod";
import { accessProcedure } from "../../trpc";
import { endLastingBurden } from "../../../services/lasting";
import { recordIdSchema } from "./schemas";
import { trimmedText } from "../../schemas";

/** Records that a work group was dissolved, a mechanism abolished or a sign taken down (null clears it). */
export const end = accessProcedure("record.end")
  .input(
    z.object({
      id: recordIdSchema,
      endedOn: z.coerce.date({ error: "解散、撤销或摘牌日期无效" }).nullable(),
      reason: trimmedText("请填写说明", 500, "说明不能超过500个字", 2, "请填写说明（如解散通知文号）"),
    }),
  )
  .mutation(({ ctx, input }) => endLastingBurden(ctx.db, ctx.user, input.id, input.endedOn, input.reason));
