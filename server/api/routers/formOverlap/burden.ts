import { regionAccessProcedure } from "../../trpc";
import { repeatedEntryBurden } from "../../../services/formOverlap/regionSummary";

/** Repeated-entry hours of a region (last twelve months), with the departments whose forms re-ask. */
export const burden = regionAccessProcedure("formOverlap.burden").query(({ ctx, input }) =>
  repeatedEntryBurden(ctx.db, ctx.user, input.regionCode),
);
