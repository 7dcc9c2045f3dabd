import { protectedProcedure } from "../../trpc";
import { getRegionSummary, regionPath } from "../../../services/regions";

/** The user's own jurisdiction root and the path above it. */
export const mine = protectedProcedure.query(async ({ ctx }) => ({
  region: await getRegionSummary(ctx.db, ctx.user.regionCode),
  path: await regionPath(ctx.db, ctx.user.regionCode),
}));
