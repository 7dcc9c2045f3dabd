import { hashPassword } from "better-auth/crypto";
import type { Db } from "../db/client";
import { regionNamer } from "../db/regionRepository";
import {
  deleteSessionsOf,
  findUserById,
  findUserByUsername,
  insertUserWithPassword,
  listUsersInSubtree,
  setPasswordHash,
  updateUser,
} from "../db/userRepository";
import { isRole, type Role } from "../domain/roles";
import type { SessionUser } from "../domain/actor";
import { bus } from "../bus";
import { insertAuditBy } from "../db/auditRepository";
import { isWithin } from "../domain/regions";
import type { UserDto } from "./dto/users";
import { NotFoundError, PermissionError, UserInputError } from "./errors";
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
  if (!/^[a-z0-9_.-]{3,32}$/.test(username))
    throw new UserInputError("用户名须为3至32位小写字母、数字、下划线、点或连字符");
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

// ─── Administration (admin only, audited) ────────────────────────────────

function assertAdminOver(admin: SessionUser, regionCode: string) {
  if (admin.role !== "admin") throw new PermissionError("仅系统管理员可以管理账号");
  if (!isWithin(regionCode, admin.regionCode)) throw new PermissionError(`区划 ${regionCode} 不在您的管辖范围内`);
}

export async function listUsers(db: Db, admin: SessionUser, regionCode: string): Promise<UserDto[]> {
  assertAdminOver(admin, regionCode);
  const users = await listUsersInSubtree(db, regionCode);
  // An account whose stored role is unknown is shown as the least privileged role rather than hidden.
  // Administrators read region names, not statistical codes.
  const nameOf = await regionNamer(db, users);
  return users.map((u) => ({
    id: u.id,
    username: u.username ?? "",
    name: u.name,
    role: isRole(u.role) ? u.role : "department",
    regionCode: u.regionCode,
    regionName: nameOf(u.regionCode),
    departmentName: u.department?.name ?? null,
    departmentId: u.departmentId,
    disabled: u.disabled,
    createdAt: u.createdAt,
  }));
}

export async function adminCreateUser(db: Db, admin: SessionUser, input: CreateUserInput) {
  assertAdminOver(admin, input.regionCode);
  const user = await createUser(db, input);
  await insertAuditBy(db, admin, {
    regionCode: input.regionCode,
    action: "USER_CREATE",
    entity: "User",
    entityId: user.id,
    after: { username: user.username, role: user.role, regionCode: user.regionCode },
  });
  return { id: user.id, username: user.username };
}

/** Ends every session of a user: sockets of those sessions are disconnected too. */
async function endSessions(db: Db, userId: string) {
  for (const token of await deleteSessionsOf(db, userId)) bus.emit("session:ended", token);
}

export async function adminUpdateUser(
  db: Db,
  admin: SessionUser,
  input: { id: string; name: string; role: Role; regionCode: string; departmentId: string | null; disabled: boolean },
) {
  const before = await findUserById(db, input.id);
  if (!before) throw new NotFoundError("账号不存在");
  assertAdminOver(admin, before.regionCode);
  assertAdminOver(admin, input.regionCode);
  if (before.id === admin.id && (input.disabled || input.role !== "admin"))
    throw new UserInputError("不能停用自己或取消自己的管理员角色");
  if (!isRole(input.role)) throw new UserInputError(`未知角色：${input.role}`);
  await getRegionOrThrow(db, input.regionCode);
  const after = await updateUser(db, input.id, {
    name: input.name.trim(),
    role: input.role,
    regionCode: input.regionCode,
    departmentId: input.departmentId,
    disabled: input.disabled,
  });
  // A changed role, region or a disabled account must not keep an old session.
  if (input.disabled || before.role !== after.role || before.regionCode !== after.regionCode)
    await endSessions(db, after.id);
  await insertAuditBy(db, admin, {
    regionCode: after.regionCode,
    action: "USER_UPDATE",
    entity: "User",
    entityId: after.id,
    before: { name: before.name, role: before.role, regionCode: before.regionCode, disabled: before.disabled },
    after: { name: after.name, role: after.role, regionCode: after.regionCode, disabled: after.disabled },
  });
  return { id: after.id };
}

export async function adminResetPassword(db: Db, admin: SessionUser, id: string, password: string) {
  const user = await findUserById(db, id);
  if (!user) throw new NotFoundError("账号不存在");
  assertAdminOver(admin, user.regionCode);
  const problems = passwordProblems(password);
  if (problems.length) throw new UserInputError(`密码不符合要求：${problems.join("，")}`);
  await setPasswordHash(db, id, await hashPassword(password));
  await endSessions(db, id);
  await insertAuditBy(db, admin, {
    regionCode: user.regionCode,
    action: "USER_PASSWORD_RESET",
    entity: "User",
    entityId: id,
  });
  return { id };
}
