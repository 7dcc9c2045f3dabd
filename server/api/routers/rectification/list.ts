import { z } from "zod";
import { listRectificationItems } from "../../../services/rectification/queries";
import { regionProcedure } from "../../trpc";
import { clauseSchema, stateSchema } from "./schemas";

/** Items of a jurisdiction (a department: its own), overdue first. */
export const list = regionProcedure
  .input(
    z.object({
      states: z.array(stateSchema).max(4).optional(),
      departmentId: z.string().max(40).optional(),
      clause: clauseSchema.optional(),
      overdue: z.boolean().optional(),
    }),
  )
  .query(({ ctx, input }) => listRectificationItems(ctx.db, ctx.user, input));
