import { ROLE_NAMES } from "../../../domain/roles";
import { allowedProcedures } from "../../allowedProcedures";
import { publicProcedure } from "../../trpc";

/** The signed-in user, or null; `procedures` lists what this role may call (server/api/permissions.ts). */
export const me = publicProcedure.query(({ ctx }) =>
  ctx.user ? { ...ctx.user, roleName: ROLE_NAMES[ctx.user.role], procedures: allowedProcedures(ctx.user.role) } : null,
);
