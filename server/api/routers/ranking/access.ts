import type { SessionUser } from "../../../domain/actor";
import { PermissionError } from "../../../domain/errors";
import { canSeePeersOf } from "../../../domain/regions";

export function assertPeerAccess(user: SessionUser, parentCode: string): void {
  if (!canSeePeersOf(user.regionCode, parentCode))
    throw new PermissionError(`区划 ${parentCode} 的下级排名不在您的查看范围内`);
}
