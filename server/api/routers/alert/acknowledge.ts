import { z } from "zod";
import { acknowledgeAlert } from "../../../services/alerts/alertActions";
import { accessProcedure } from "../../trpc";
import { alertIdSchema } from "./schemas";

/** 签收: a reason is required; optional expiry and ceiling margin (reopens above acked value + margin). */
export const acknowledge = accessProcedure("alert.acknowledge")
  .input(
    z.object({
      id: alertIdSchema,
      reason: z.string({ error: "请填写签收理由" }).trim().min(2, "请填写签收理由").max(500),
      expiresAt: z.coerce.date().nullish(),
      ceilingMargin: z.number().min(0, "回升幅度不能为负").max(1e6).nullish(),
    }),
  )
  .mutation(({ ctx, input }) =>
    acknowledgeAlert(ctx.db, ctx.user, {
      id: input.id,
      reason: input.reason,
      expiresAt: input.expiresAt ?? null,
      ceilingMargin: input.ceilingMargin ?? null,
    }),
  );
