import { z } from "zod";
import { removeContactPoint as remove } from "../../../services/notifications/channels";
import { accessProcedure } from "../../trpc";
import { idSchema } from "./schemas";

export const removeContactPoint = accessProcedure("channel.removeContactPoint")
  .input(z.object({ id: idSchema }))
  .mutation(({ ctx, input }) => remove(ctx.db, ctx.user, input.id));
