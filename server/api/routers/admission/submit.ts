import { z } from "zod";
import { accessProcedure } from "../../trpc";
import { submitAdmission } from "../../../services/admission";
import { catalogueSchema, detailsSchema } from "../catalogue/schemas";
import { trimmedText } from "../../schemas";

/** A department applies for admission (准入) of a new entry. */
export const submit = accessProcedure("admission.submit")
  .input(
    z.object({
      catalogue: catalogueSchema,
      name: trimmedText("请填写申请事项名称", 200, "名称不能超过200个字"),
      details: detailsSchema,
    }),
  )
  .mutation(({ ctx, input }) => submitAdmission(ctx.db, ctx.user, input));
