import { regionProcedure } from "../../trpc";
import { listChildRegions } from "../../../services/regions";

/** Direct children, for the lazy region cascader. */
export const children = regionProcedure.query(({ ctx, input }) => listChildRegions(ctx.db, input.regionCode));
