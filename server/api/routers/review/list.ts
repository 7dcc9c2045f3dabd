import { z } from "zod";
import { accessProcedure } from "../../trpc";
import { listReviews } from "../../../services/reviews";

/** 待核实 records in the user's jurisdiction, oldest first. */
export const list = accessProcedure("review.list")
  .input(z.object({ pageSize: z.number().int().min(1).max(200).default(20), cursor: z.string().max(40).nullish() }))
  .query(({ ctx, input }) => listReviews(ctx.db, ctx.user, input.pageSize, input.cursor ?? undefined));
