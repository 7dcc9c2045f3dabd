import { z } from "zod";
import { adminUpdateUser } from "../../../services/users";
import { accessProcedure, regionCodeSchema } from "../../trpc";
import { nameSchema, roleSchema } from "./schemas";

/** Role, region, department or disabling; a change of role or region ends the user's sessions. */
export const update = accessProcedure("user.update")
  .input(
    z.object({
      id: z.string().min(1).max(40),
      name: nameSchema,
      role: roleSchema,
      regionCode: regionCodeSchema,
      departmentId: z.string().max(40).nullish(),
      disabled: z.boolean(),
    }),
  )
  .mutation(({ ctx, input }) =>
    adminUpdateUser(ctx.db, ctx.user, { ...input, departmentId: input.departmentId ?? null }),
  );
