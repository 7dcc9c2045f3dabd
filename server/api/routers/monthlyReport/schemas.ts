import { z } from "zod";

export const periodSchema = z
  .number({ error: "请选择月份" })
  .int("月份应为 yyyymm 格式的整数")
  .min(200001, "月份应为 yyyymm 格式，如 202611")
  .max(299912, "月份应为 yyyymm 格式，如 202611")
  .refine((p) => p % 100 >= 1 && p % 100 <= 12, "月份应在1至12月之间");
