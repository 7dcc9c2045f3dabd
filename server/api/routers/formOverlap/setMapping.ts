import { z } from "zod";
import { accessProcedure, regionCodeSchema } from "../../trpc";
import { setFieldMapping } from "../../../services/formOverlap/forms";
import { trimmedText } from "../../schemas";

/** A monitor maps a field name to a data item, or marks it a data item of its own (itemKey null); versioned and audited. */
export const setMapping = accessProcedure("formOverlap.setMapping")
  .input(
    z.object({
      regionCode: regionCodeSchema,
      fieldName: trimmedText("请填写字段名称", 50, "字段名称不能超过50个字"),
      itemKey: z.string({ error: "数据项无效" }).min(1, "数据项无效").max(40, "数据项无效").nullable(),
    }),
  )
  .mutation(({ ctx, input }) => setFieldMapping(ctx.db, ctx.user, input));
