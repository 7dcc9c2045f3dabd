import { z } from "zod";
import { ROLES } from "../../../domain/roles";
import { adminCreateUser, adminResetPassword, adminUpdateUser, listUsers } from "../../../services/users";
import { accessProcedure, createTRPCRouter, regionAccessProcedure, regionCodeSchema } from "../../trpc";

const role = z.enum(ROLES, { error: "角色无效" });
const password = z.string({ error: "请输入密码" }).min(8, "密码至少8位").max(128, "密码不能超过128位");
const name = z.string({ error: "请填写姓名" }).trim().min(1, "请填写姓名").max(50, "姓名不能超过50个字");

const list = regionAccessProcedure("user.list").query(({ ctx, input }) => listUsers(ctx.db, ctx.user, input.regionCode));

const create = accessProcedure("user.create")
  .input(z.object({ username: z.string({ error: "请填写用户名" }).trim().min(3, "用户名至少3位").max(32), name, password, role, regionCode: regionCodeSchema, departmentId: z.string().max(40).nullish() }))
  .mutation(({ ctx, input }) => adminCreateUser(ctx.db, ctx.user, { ...input, departmentId: input.departmentId ?? null }));

const update = accessProcedure("user.update")
  .input(z.object({ id: z.string().min(1).max(40), name, role, regionCode: regionCodeSchema, departmentId: z.string().max(40).nullish(), disabled: z.boolean() }))
  .mutation(({ ctx, input }) => adminUpdateUser(ctx.db, ctx.user, { ...input, departmentId: input.departmentId ?? null }));

const resetPassword = accessProcedure("user.resetPassword")
  .input(z.object({ id: z.string().min(1).max(40), password }))
  .mutation(({ ctx, input }) => adminResetPassword(ctx.db, ctx.user, input.id, input.password));

export const userRouter = createTRPCRouter({ create, list, resetPassword, update });
