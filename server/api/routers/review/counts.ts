import { accessProcedure } from "../../trpc";
import { reviewCounts } from "../../../services/reviews";

/** How many records wait for a monitor (the navigation badge). */
export const counts = accessProcedure("review.counts").query(({ ctx }) => reviewCounts(ctx.db, ctx.user));
