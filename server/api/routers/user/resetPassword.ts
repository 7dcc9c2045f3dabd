import { z } from "zod";
import { adminResetPassword } from "../../../services/users";
import { accessProcedure } from "../../trpc";
import { passwordSchema } from "./schemas";

export const resetPassword = accessProcedure("user.resetPassword")
  .input(z.object({ id: z.string().min(1).max(40), password: passwordSchema }))
  .mutation(({ ctx, input }) => adminResetPassword(ctx.db, ctx.user, input.id, input.password));
