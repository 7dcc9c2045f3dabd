import { z } from "zod";
import { resolveAlertByHand } from "../../../services/alerts/alertActions";
import { accessProcedure } from "../../trpc";
import { alertIdSchema } from "./schemas";

/** Resolved by hand with a rectification note; machine state is left to evaluation. */
export const resolve = accessProcedure("alert.resolve")
  .input(
    z.object({
      id: alertIdSchema,
      rectification: z.string({ error: "请填写整改说明" }).trim().min(2, "请填写整改说明").max(2000),
    }),
  )
  .mutation(({ ctx, input }) => resolveAlertByHand(ctx.db, ctx.user, input.id, input.rectification));
