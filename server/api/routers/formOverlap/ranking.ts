import { regionAccessProcedure } from "../../trpc";
import { repeatedEntryRanking } from "../../../services/formOverlap/regionSummary";

/** Repeated-entry hours of every county in the region, ranked per village. */
export const ranking = regionAccessProcedure("formOverlap.ranking").query(({ ctx, input }) =>
  repeatedEntryRanking(ctx.db, ctx.user, input.regionCode),
);
