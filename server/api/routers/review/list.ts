import { z } from "zod";
import { accessProcedure, assertJurisdiction, regionCodeSchema } from "../../trpc";
import { listReviews } from "../../../services/reviews";

/** 待核实 records in a region of the user's jurisdiction, oldest first. */
export const list = accessProcedure("review.list")
  .input(
    z.object({
      regionCode: regionCodeSchema,
      pageSize: z.number().int().min(1).max(200).default(20),
      cursor: z.string().max(40).nullish(),
    }),
  )
  .query(({ ctx, input }) => {
    assertJurisdiction(ctx.user, input.regionCode);
    return listReviews(ctx.db, input.regionCode, input.pageSize, input.cursor ?? undefined);
  });
