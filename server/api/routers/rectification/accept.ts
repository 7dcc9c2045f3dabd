import { z } from "zod";
import { acceptItem } from "../../../services/rectification/workflow";
import { accessProcedure } from "../../trpc";
import { itemIdSchema } from "./schemas";

/** 销号: closes the item and ends the burdens it was about. */
export const accept = accessProcedure("rectification.accept")
  .input(z.object({ id: itemIdSchema, note: z.string().trim().max(1000, "意见不能超过1000个字").nullish() }))
  .mutation(({ ctx, input }) => acceptItem(ctx.db, ctx.user, input.id, input.note ?? null));
