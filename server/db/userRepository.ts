import { randomUUID } from "node:crypto";
import type { Db } from "./client";

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
