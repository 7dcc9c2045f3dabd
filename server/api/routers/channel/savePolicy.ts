import { savePolicy as save } from "../../../services/notifications/channels";
import { roleProcedure } from "../../trpc";
import { policyInput } from "./schemas";

export const savePolicy = roleProcedure("monitor", "admin")
  .input(policyInput)
  .mutation(({ ctx, input }) => save(ctx.db, ctx.user, input));
