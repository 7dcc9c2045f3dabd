import { regionAccessProcedure } from "../../trpc";
import { countyOverlapView } from "../../../services/formOverlap/views";

/** One county's forms, overlap matrix, clusters with merge proposals and repeated-entry burden. */
export const county = regionAccessProcedure("formOverlap.county").query(({ ctx, input }) =>
  countyOverlapView(ctx.db, input.regionCode),
);
