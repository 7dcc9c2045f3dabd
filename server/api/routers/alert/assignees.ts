import { alertAssignees } from "../../../services/alerts/alertActions";
import { regionAccessProcedure } from "../../trpc";

/** Users an alert can be assigned to: inspectors and monitors whose jurisdiction contains the region. */
export const assignees = regionAccessProcedure("alert.assignees").query(({ ctx, input }) =>
  alertAssignees(ctx.db, input.regionCode),
);
