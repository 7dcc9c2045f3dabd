import { z } from "zod";
import { protectedProcedure } from "../../trpc";
import { recordHistory } from "../../../services/records";
import { recordIdSchema } from "./schemas";

/** A record with every earlier version. */
export const history = protectedProcedure
  .input(z.object({ id: recordIdSchema }))
  .query(({ ctx, input }) => recordHistory(ctx.db, ctx.user, input.id));
