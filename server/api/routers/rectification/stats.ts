import { rectificationStats } from "../../../services/rectification/rates";
import { regionProcedure } from "../../trpc";

/** Rectification and on-time rates per department and per county. */
export const stats = regionProcedure.query(({ ctx, input }) => rectificationStats(ctx.db, input.regionCode));
