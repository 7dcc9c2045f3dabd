import { z } from "zod";
import { moveExposureCase } from "../../../services/exposure";
import { accessProcedure } from "../../trpc";

/** submit → (another person) publish or reject → rectified. */
export const move = accessProcedure("exposure.move")
  .input(
    z.object({
      id: z.string().min(1).max(40),
      step: z.enum(["submit", "publish", "reject", "rectified"], { error: "操作无效" }),
    }),
  )
  .mutation(({ ctx, input }) => moveExposureCase(ctx.db, ctx.user, input.id, input.step));
