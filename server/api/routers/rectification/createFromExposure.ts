import { z } from "zod";
import { createFromExposure as create } from "../../../services/rectification/create";
import { accessProcedure } from "../../trpc";

/** The item an exposure case requires; the case is rectified when its items are closed. */
export const createFromExposure = accessProcedure("rectification.createFromExposure")
  .input(z.object({ caseId: z.string({ error: "请提供通报案例编号" }).min(1, "请提供通报案例编号").max(40) }))
  .mutation(({ ctx, input }) => create(ctx.db, ctx.user, input.caseId));
