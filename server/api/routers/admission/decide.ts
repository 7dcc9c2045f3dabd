import { z } from "zod";
import { accessProcedure } from "../../trpc";
import { decideAdmission } from "../../../services/admission";
import { dateSchema } from "../catalogue/schemas";

/** A monitor approves (entry enters the catalogue from a date) or rejects with a reason. */
export const decide = accessProcedure("admission.decide")
  .input(
    z.object({
      id: z.string({ error: "请提供申请编号" }).min(1).max(40),
      approve: z.boolean({ error: "请选择批准或驳回" }),
      reason: z.string().trim().max(500, "理由不能超过500个字").nullish(),
      effectiveFrom: dateSchema.nullish(),
    }),
  )
  .mutation(({ ctx, input }) =>
    decideAdmission(ctx.db, ctx.user, {
      id: input.id,
      approve: input.approve,
      reason: input.reason ?? null,
      effectiveFrom: input.effectiveFrom ?? null,
    }),
  );
