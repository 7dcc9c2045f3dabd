import { z } from "zod";
import { rectificationDetail } from "../../../services/rectification/queries";
import { protectedProcedure } from "../../trpc";
import { itemIdSchema } from "./schemas";

/** One item with its records, timeline and evidence. */
export const get = protectedProcedure
  .input(z.object({ id: itemIdSchema }))
  .query(({ ctx, input }) => rectificationDetail(ctx.db, ctx.user, input.id));
