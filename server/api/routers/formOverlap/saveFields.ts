import { z } from "zod";
import { accessProcedure, regionCodeSchema } from "../../trpc";
import { saveFormFields } from "../../../services/formOverlap/forms";
import { trimmedText } from "../../schemas";

/** A form's field list, typed as a list or read from a blank form; each save is a new version. */
export const saveFields = accessProcedure("formOverlap.saveFields")
  .input(
    z.object({
      regionCode: regionCodeSchema,
      title: trimmedText("请填写表格名称", 100, "表格名称不能超过100个字", 2, "表格名称至少2个字"),
      fields: z
        .array(z.string({ error: "字段应为文字" }).max(50, "单个字段不能超过50个字"), { error: "请填写字段列表" })
        .min(1, "请至少填写一个字段")
        .max(300, "字段不能超过300个"),
      source: z.enum(["LIST", "LEDGER", "UPLOAD"], { error: "来源无效" }).default("LIST"),
    }),
  )
  .mutation(({ ctx, input: { regionCode, ...form } }) =>
    saveFormFields(ctx.db, ctx.user, { countyCode: regionCode, ...form }),
  );
