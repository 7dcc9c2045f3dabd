import { z } from "zod";
import { adminCreateUser } from "../../../services/users";
import { accessProcedure, regionCodeSchema } from "../../trpc";
import { nameSchema, passwordSchema, roleSchema } from "./schemas";

/** An administrator opens an account (sign-up is disabled). */
export const create = accessProcedure("user.create")
  .input(
    z.object({
      username: z.string({ error: "请填写用户名" }).trim().min(3, "用户名至少3位").max(32),
      name: nameSchema,
      password: passwordSchema,
      role: roleSchema,
      regionCode: regionCodeSchema,
      departmentId: z.string().max(40).nullish(),
    }),
  )
  .mutation(({ ctx, input }) =>
    adminCreateUser(ctx.db, ctx.user, { ...input, departmentId: input.departmentId ?? null }),
  );
