import { z } from "zod";
import { accessProcedure, assertJurisdiction, regionCodeSchema } from "../../trpc";
import { reviewCounts } from "../../../services/reviews";

/** How many records of a region wait for a monitor (the navigation badge). */
export const counts = accessProcedure("review.counts")
  .input(z.object({ regionCode: regionCodeSchema }))
  .query(({ ctx, input }) => {
    assertJurisdiction(ctx.user, input.regionCode);
    return reviewCounts(ctx.db, input.regionCode);
  });
