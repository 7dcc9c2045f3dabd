import { listMonthlyReports } from "../../../services/reports/archive";
import { regionProcedure, requireRoles } from "../../trpc";
import { REPORT_READERS } from "./schemas";

/** The archive of a region and everything below it; files are downloaded from /api/monthly-reports/<id>. */
export const list = regionProcedure.use(requireRoles(...REPORT_READERS)).query(({ ctx, input }) => listMonthlyReports(ctx.db, input.regionCode));
