import { z } from "zod";
import { protectedProcedure } from "../../trpc";
import { catalogueEntryHistory } from "../../../services/catalogue";
import { itemKeySchema } from "./schemas";

/** Every version of one entry. */
export const history = protectedProcedure
  .input(z.object({ itemKey: itemKeySchema }))
  .query(({ ctx, input }) => catalogueEntryHistory(ctx.db, ctx.user, input.itemKey));
