import { hashPassword } from "better-auth/crypto";
import type { Db } from "../db/client";
import { findUserByUsername, insertUserWithPassword } from "../db/userRepository";
import { isRole, type Role } from "../domain/roles";
import { UserInputError } from "./errors";
import { getRegionOrThrow } from "./regions";

export interface CreateUserInput {
  username: string;
  name: string;
  password: string;
  role: Role;
  regionCode: string;
  departmentId?: string | null;
}

/** Problems with a password, in Chinese; empty when it is acceptable. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push("至少8位");
  if (!/[A-Za-z]/.test(password)) problems.push("须包含字母");
  if (!/\d/.test(password)) problems.push("须包含数字");
  return problems;
}

export async function createUser(db: Db, input: CreateUserInput) {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9_.-]{3,32}$/.test(username)) throw new UserInputError("用户名须为3至32位小写字母、数字、下划线、点或连字符");
  if (!isRole(input.role)) throw new UserInputError(`未知角色：${input.role}`);
  const problems = passwordProblems(input.password);
  if (problems.length) throw new UserInputError(`密码不符合要求：${problems.join("，")}`);
  await getRegionOrThrow(db, input.regionCode);
  if (await findUserByUsername(db, username)) throw new UserInputError(`用户名“${username}”已存在`);
  return insertUserWithPassword(db, {
    username,
    name: input.name.trim(),
    role: input.role,
    regionCode: input.regionCode,
    departmentId: input.departmentId ?? null,
    passwordHash: await hashPassword(input.password),
  });
}
