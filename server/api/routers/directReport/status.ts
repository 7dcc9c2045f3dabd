import { z } from "zod";
import { directReportStatus } from "../../../services/directReports";
import { publicProcedure } from "../../trpc";
import { receiptSchema } from "./schemas";

/** A reporter follows the handling with the receipt number. */
export const status = publicProcedure
  .input(z.object({ receiptNo: receiptSchema }))
  .query(({ ctx, input }) => directReportStatus(ctx.db, input.receiptNo));
