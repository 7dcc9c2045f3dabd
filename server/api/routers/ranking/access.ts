import { TRPCError } from "@trpc/server";
import type { SessionUser } from "../../../auth";
import { canSeePeersOf } from "../../../domain/regions";

export function assertPeerAccess(user: SessionUser, parentCode: string): void {
  if (!canSeePeersOf(user.regionCode, parentCode)) throw new TRPCError({ code: "FORBIDDEN", message: `区划 ${parentCode} 的下级排名不在您的查看范围内` });
}
