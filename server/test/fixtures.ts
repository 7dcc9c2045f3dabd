import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../domain/actor";
import type { Db } from "../db/client";
import { isRole } from "../domain/roles";
import { createCaller } from "../api/root";

/** A SessionUser for a seeded account. */
export async function sessionUser(db: Db, username: string): Promise<SessionUser> {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  if (!isRole(user.role)) throw new Error(`bad role ${user.role}`);
  return {
    id: user.id,
    username,
    name: user.name,
    role: user.role,
    regionCode: user.regionCode,
    departmentId: user.departmentId,
  };
}

/** A tRPC caller acting as `username`, or anonymous when null. */
export async function callerAs(db: Db, username: string | null) {
  return createCaller({ db, user: username ? await sessionUser(db, username) : null, headers: new Headers() });
}

/** The tRPC error code a call fails with, or "OK". */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return "OK";
}
