import { effectiveRules } from "../../../services/alerts/alertRules";
import { regionProcedure } from "../../trpc";

/** Rules in force for a region (its own thresholds or inherited ones). */
export const list = regionProcedure.query(({ ctx, input }) => effectiveRules(ctx.db, input.regionCode));
