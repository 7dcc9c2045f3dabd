import { accessProcedure } from "../../trpc";
import { createBurdenRecord } from "../../../services/records";
import { recordInputSchema } from "./schemas";

/** Monitors record a burden; it is classified against the catalogues valid on its date. */
export const create = accessProcedure("record.create")
  .input(recordInputSchema)
  .mutation(({ ctx, input }) => createBurdenRecord(ctx.db, ctx.user, input));
