import { listMonitoringPoints } from "../../../services/directReports";
import { regionAccessProcedure } from "../../trpc";

/** Monitoring points (减负监测点) in a region. */
export const points = regionAccessProcedure("directReport.points").query(({ ctx, input }) =>
  listMonitoringPoints(ctx.db, input.regionCode),
);
