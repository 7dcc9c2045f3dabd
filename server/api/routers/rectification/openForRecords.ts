import { z } from "zod";
import { openItemsForRecords } from "../../../services/rectification/queries";
import { roleProcedure } from "../../trpc";

/** Which of these records already sit in an open item (the record list marks them). */
export const openForRecords = roleProcedure("monitor", "admin", "inspector", "county_leader")
  .input(z.object({ recordIds: z.array(z.string().min(1).max(40)).max(500).default([]) }))
  .query(({ ctx, input }) => openItemsForRecords(ctx.db, ctx.user, input.recordIds));
