import { z } from "zod";

export const periodSchema = z
  .number({ error: "月份应为年月数字，如 202611" })
  .int()
  .refine((p) => p >= 200001 && p <= 209912 && p % 100 >= 1 && p % 100 <= 12, "月份无效：应为 yyyymm，如 202611");
