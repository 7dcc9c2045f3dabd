import { listMonitoringPoints } from "../../../services/directReports";
import { regionProcedure, requireRoles } from "../../trpc";

/** Monitoring points (减负监测点) in a region. */
export const points = regionProcedure.use(requireRoles("monitor", "admin")).query(({ ctx, input }) => listMonitoringPoints(ctx.db, input.regionCode));
