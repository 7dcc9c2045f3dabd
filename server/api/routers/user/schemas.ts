import { z } from "zod";
import { ROLES } from "../../../domain/roles";

export const roleSchema = z.enum(ROLES, { error: "角色无效" });
export const passwordSchema = z.string({ error: "请输入密码" }).min(8, "密码至少8位").max(128, "密码不能超过128位");
export const nameSchema = z.string({ error: "请填写姓名" }).trim().min(1, "请填写姓名").max(50, "姓名不能超过50个字");
