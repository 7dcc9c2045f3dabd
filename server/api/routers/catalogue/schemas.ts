import { z } from "zod";
import { CATALOGUES } from "../../../domain/catalogues";

export const catalogueSchema = z.enum(CATALOGUES, { error: "目录类型无效" });
export const detailsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({});
export const dateSchema = z.coerce
  .date({ error: "日期无效" })
  .refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, "日期超出合理范围");
export const itemKeySchema = z.string({ error: "请提供目录条目" }).min(3).max(300);
