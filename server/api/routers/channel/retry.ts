import { z } from "zod";
import { retryMessage } from "../../../services/notifications/channels";
import { accessProcedure } from "../../trpc";
import { idSchema } from "./schemas";

/** A dead letter goes back to the queue once someone has fixed the channel. */
export const retry = accessProcedure("channel.retry")
  .input(z.object({ id: idSchema }))
  .mutation(({ ctx, input }) => retryMessage(ctx.db, ctx.user, input.id));
