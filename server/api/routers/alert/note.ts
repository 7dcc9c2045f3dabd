import { z } from "zod";
import { noteAlert } from "../../../services/alerts/alertActions";
import { accessProcedure } from "../../trpc";
import { alertIdSchema } from "./schemas";

export const note = accessProcedure("alert.note")
  .input(z.object({ id: alertIdSchema, body: z.string({ error: "请填写备注" }).trim().min(1, "请填写备注").max(2000) }))
  .mutation(({ ctx, input }) => noteAlert(ctx.db, ctx.user, input.id, input.body));
