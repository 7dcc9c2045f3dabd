import { availablePeriods } from "../../../services/metrics";
import { regionProcedure } from "../../trpc";

/** Months with data for a region, for the shared period picker. */
export const periods = regionProcedure.query(({ ctx, input }) => availablePeriods(ctx.db, input.regionCode));
