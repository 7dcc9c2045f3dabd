import { escalationLimits } from "../../../services/alerts/escalationSettings";
import { protectedProcedure } from "../../trpc";

/** Minutes before an unacknowledged alert escalates, per severity (system-wide). */
export const escalation = protectedProcedure.query(({ ctx }) => escalationLimits(ctx.db));
