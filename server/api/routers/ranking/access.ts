import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../../../auth";
import { isWithin, parentCodeOf } from "../../../domain/regions";

/**
 * Rankings compare peers: a user may rank the children of a region inside
 * their jurisdiction, and see their own region among its siblings (scores
 * only, never the siblings' records).
 */
export function assertPeerAccess(user: SessionUser, parentCode: string): void {
  if (isWithin(parentCode, user.regionCode) || parentCodeOf(user.regionCode) === parentCode) return;
  throw new TRPCError({ code: "FORBIDDEN", message: `区划 ${parentCode} 的下级排名不在您的查看范围内` });
}
