import { selfReport as report } from "../../../services/rectification/workspace";
import { accessProcedure } from "../../trpc";
import { selfReportSchema } from "./schemas";

/** The department records a demand it imposes; it is classified and counted like any record. */
export const selfReport = accessProcedure("department.selfReport")
  .input(selfReportSchema)
  .mutation(({ ctx, input }) => report(ctx.db, ctx.user, input));
