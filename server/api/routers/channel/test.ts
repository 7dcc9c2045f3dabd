import { z } from "zod";
import { testContactPoint } from "../../../services/notifications/channels";
import { accessProcedure } from "../../trpc";
import { idSchema } from "./schemas";

/** 测试发送: sends one test message now and answers with what the receiver said. */
export const test = accessProcedure("channel.test")
  .input(z.object({ id: idSchema }))
  .mutation(({ ctx, input }) => testContactPoint(ctx.db, ctx.user, input.id));
