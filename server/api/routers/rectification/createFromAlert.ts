import { z } from "zod";
import { createFromAlert as create } from "../../../services/rectification/create";
import { accessProcedure } from "../../trpc";
import { itemOptionsSchema } from "./schemas";

/** Items for the departments behind an alert's violating records, linked to the alert. */
export const createFromAlert = accessProcedure("rectification.createFromAlert")
  .input(
    z.object({
      alertId: z.string({ error: "请提供预警编号" }).min(1, "请提供预警编号").max(40),
      options: itemOptionsSchema.default({}),
    }),
  )
  .mutation(({ ctx, input }) => create(ctx.db, ctx.user, input.alertId, input.options));
