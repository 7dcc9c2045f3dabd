import { selfCheck as check } from "../../../services/rectification/workspace";
import { accessProcedure } from "../../trpc";
import { selfReportSchema } from "./schemas";

/** Would this demand be a violation? Nothing is stored. */
export const selfCheck = accessProcedure("department.selfCheck")
  .input(selfReportSchema)
  .mutation(({ ctx, input }) => check(ctx.db, ctx.user, input));
