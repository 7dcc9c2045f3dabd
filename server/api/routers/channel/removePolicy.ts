import { z } from "zod";
import { removePolicy as remove } from "../../../services/notifications/channels";
import { accessProcedure } from "../../trpc";
import { idSchema } from "./schemas";

export const removePolicy = accessProcedure("channel.removePolicy")
  .input(z.object({ id: idSchema }))
  .mutation(({ ctx, input }) => remove(ctx.db, ctx.user, input.id));
