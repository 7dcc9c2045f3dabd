import { listChannels } from "../../../services/notifications/channels";
import { regionAccessProcedure } from "../../trpc";

/** Contact points, policies and recent deliveries (dead letters included) of a region and below. */
export const list = regionAccessProcedure("channel.list").query(({ ctx, input }) =>
  listChannels(ctx.db, input.regionCode),
);
