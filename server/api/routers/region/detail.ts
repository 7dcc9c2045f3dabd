import { regionProcedure } from "../../trpc";
import { getRegionDetail } from "../../../services/regions";

/** One region: its path, children with village and community counts, records by kind. */
export const detail = regionProcedure.query(({ ctx, input }) => getRegionDetail(ctx.db, input.regionCode));
