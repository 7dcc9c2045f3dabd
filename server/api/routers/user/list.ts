import { listUsers } from "../../../services/users";
import { regionAccessProcedure } from "../../trpc";

/** Accounts inside a region, for administrators. */
export const list = regionAccessProcedure("user.list").query(({ ctx, input }) =>
  listUsers(ctx.db, ctx.user, input.regionCode),
);
