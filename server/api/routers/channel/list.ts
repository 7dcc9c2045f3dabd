import { listChannels } from "../../../services/notifications/channels";
import { regionProcedure, requireRoles } from "../../trpc";

/** Contact points, policies and recent deliveries (dead letters included) of a region and below. */
export const list = regionProcedure.use(requireRoles("monitor", "admin", "inspector")).query(({ ctx, input }) => listChannels(ctx.db, input.regionCode));
