import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../domain/actor";
import type { Db } from "../db/client";
import { createCaller } from "../api/root";
import { getAuth } from "../auth";
import { DEMO_PASSWORD } from "../services/demoSeed";
import { demoSessionUser } from "../services/demo/rectification";

/** A SessionUser for a seeded account. */
export const sessionUser: (db: Db, username: string) => Promise<SessionUser> = demoSessionUser;

/** The session cookie (`name=value`) a demo account gets by signing in, as a browser or socket would send it. */
export async function demoSessionCookie(username: string): Promise<string> {
  const response = await getAuth().api.signInUsername({
    body: { username, password: DEMO_PASSWORD },
    asResponse: true,
  });
  const cookie = response.headers.get("set-cookie");
  if (!cookie) throw new Error(`sign-in failed for ${username}`);
  return cookie.split(";")[0]!;
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

/** The smallest tree two neighbouring counties need, for files that start from an empty database. */
export function createTwoCounties(db: Db) {
  return db.region.createMany({
    data: [
      { code: "22", name: "吉林省", level: 1 },
      { code: "2201", name: "长春市", level: 2, parentCode: "22" },
      { code: "220103", name: "宽城区", level: 3, parentCode: "2201" },
      { code: "220104", name: "朝阳区", level: 3, parentCode: "2201" },
    ],
  });
}

/** Codes of a county's village-level units (villages and urban communities). */
export async function villageCodesOf(db: Db, countyCode: string): Promise<string[]> {
  const units = await db.region.findMany({
    where: { level: 5, code: { startsWith: countyCode } },
    select: { code: true },
  });
  return units.map((v) => v.code);
}
