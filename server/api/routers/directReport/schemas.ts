import { z } from "zod";
import { trimmedText } from "../../schemas";

export const accessCodeSchema = trimmedText("请输入访问码", 20, "访问码格式不正确", 4, "访问码格式不正确");
export const receiptSchema = z
  .string({ error: "请输入回执编号" })
  .trim()
  .regex(/^ZB\d{8}[A-Z0-9]{6}$/i, "回执编号格式不正确（如 ZB20261128ABC123）");
