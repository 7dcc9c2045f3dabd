import { selfCheck as check } from "../../../services/rectification/workspace";
import { roleProcedure } from "../../trpc";
import { selfReportSchema } from "./schemas";

/** Would this demand be a violation? Nothing is stored. */
export const selfCheck = roleProcedure("department")
  .input(selfReportSchema)
  .mutation(({ ctx, input }) => check(ctx.db, ctx.user, input));
