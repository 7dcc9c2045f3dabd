import { listMonthlyReports } from "../../../services/reports/archive";
import { regionAccessProcedure } from "../../trpc";

/** The archive of a region and everything below it; files are downloaded from /api/monthly-reports/<id>. */
export const list = regionAccessProcedure("monthlyReport.list").query(({ ctx, input }) =>
  listMonthlyReports(ctx.db, input.regionCode),
);
