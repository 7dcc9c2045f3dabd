import { ROLE_NAMES } from "../../../domain/roles";
import { publicProcedure } from "../../trpc";

/** The signed-in user, or null. */
export const me = publicProcedure.query(({ ctx }) =>
  ctx.user ? { ...ctx.user, roleName: ROLE_NAMES[ctx.user.role] } : null,
);
