import { z } from "zod";
import { alertDetail } from "../../../services/alerts/alertActions";
import { protectedProcedure } from "../../trpc";
import { alertIdSchema } from "./schemas";

/** One alert with its timeline and the records behind it; marks it opened by this user. */
export const get = protectedProcedure
  .input(z.object({ id: alertIdSchema }))
  .query(({ ctx, input }) => alertDetail(ctx.db, ctx.user, input.id));
