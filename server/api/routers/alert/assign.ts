import { z } from "zod";
import { assignAlert } from "../../../services/alerts/alertActions";
import { accessProcedure } from "../../trpc";
import { alertIdSchema } from "./schemas";

export const assign = accessProcedure("alert.assign")
  .input(z.object({ id: alertIdSchema, assigneeId: z.string().min(1).max(40) }))
  .mutation(({ ctx, input }) => assignAlert(ctx.db, ctx.user, input.id, input.assigneeId));
