import { z } from "zod";
import { openItemsForRecords } from "../../../services/rectification/queries";
import { regionAccessProcedure } from "../../trpc";

/** Which records of the region's list already sit in an open item (the record list marks them). */
export const openForRecords = regionAccessProcedure("rectification.openForRecords")
  .input(z.object({ recordIds: z.array(z.string().min(1).max(40)).max(500).default([]) }))
  .query(({ ctx, input }) => openItemsForRecords(ctx.db, input.regionCode, input.recordIds));
