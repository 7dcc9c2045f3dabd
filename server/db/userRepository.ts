import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { subtreeRange } from "../domain/regions";

export interface NewUser {
  username: string;
  name: string;
  role: string;
  regionCode: string;
  departmentId?: string | null;
  passwordHash: string;
}

/** A user and the credential account better-auth signs in against, in one transaction. */
export async function insertUserWithPassword(db: Db, user: NewUser) {
  const id = randomUUID();
  return db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: {
        id,
        name: user.name,
        email: `${user.username}@users.local`,
        emailVerified: true,
        username: user.username,
        displayUsername: user.username,
        role: user.role,
        regionCode: user.regionCode,
        departmentId: user.departmentId ?? null,
      },
    });
    await tx.account.create({
      data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: user.passwordHash },
    });
    return created;
  });
}

export function findUserByUsername(db: Db, username: string) {
  return db.user.findUnique({ where: { username } });
}

export function findUserById(db: Db, id: string) {
  return db.user.findUnique({ where: { id } });
}

export function listUsersInSubtree(db: Db, regionCode: string) {
  return db.user.findMany({
    where: { regionCode: subtreeRange(regionCode) },
    orderBy: [{ regionCode: "asc" }, { username: "asc" }],
    include: { department: { select: { name: true } } },
  });
}

export function updateUser(
  db: Db,
  id: string,
  data: { name: string; role: string; regionCode: string; departmentId: string | null; disabled: boolean },
) {
  return db.user.update({ where: { id }, data });
}

/** Deletes every session of a user; returns their tokens so their sockets can be closed. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<string[]> {
  const sessions = await db.session.findMany({ where: { userId }, select: { token: true } });
  await db.session.deleteMany({ where: { userId } });
  return sessions.map((s) => s.token);
}

export function setPasswordHash(db: Db, userId: string, hash: string) {
  return db.account.updateMany({ where: { userId, providerId: "credential" }, data: { password: hash } });
}

export function findUserNames(db: Db, ids: string[]) {
  return db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
}

/** Enabled accounts holding one of these roles, as a picker lists them. */
export function findEnabledUsersWithRoles(db: Db, roles: readonly string[]) {
  return db.user.findMany({
    where: { role: { in: [...roles] }, disabled: false },
    select: { id: true, name: true, regionCode: true, role: true },
  });
}

export function countUsers(db: Db) {
  return db.user.count();
}
