import { z } from "zod";
import { regionProcedure } from "../../trpc";
import { listAdmissions } from "../../../services/admission";

/** Requests in a region (a department sees only its own). */
export const list = regionProcedure
  .input(z.object({ status: z.enum(["PENDING", "APPROVED", "REJECTED"], { error: "状态无效" }).optional() }))
  .query(({ ctx, input }) => listAdmissions(ctx.db, ctx.user, input));
