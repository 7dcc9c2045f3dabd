import { savePolicy as save } from "../../../services/notifications/channels";
import { accessProcedure } from "../../trpc";
import { policyInput } from "./schemas";

export const savePolicy = accessProcedure("channel.savePolicy")
  .input(policyInput)
  .mutation(({ ctx, input }) => save(ctx.db, ctx.user, input));
