import type { SessionUser } from "../../auth";
import type { Db } from "../../db/client";
import { findItem } from "../../db/rectificationRepository";
import { isWithin } from "../../domain/regions";
import { NotFoundError } from "../errors";

/** Departments see their own items only; everyone else the items of their jurisdiction. */
export function canSeeItem(user: SessionUser, item: { regionCode: string; departmentId: string }): boolean {
  if (user.role === "department") return user.departmentId !== null && item.departmentId === user.departmentId;
  return isWithin(item.regionCode, user.regionCode);
}

/** The item if this user may see it; another department's item is "not found", not "forbidden". */
export async function itemFor(db: Db, user: SessionUser, id: string) {
  const item = await findItem(db, id);
  if (!item || !canSeeItem(user, item)) throw new NotFoundError("整改事项不存在或不在您的管辖范围内");
  return item;
}

export type ItemRow = Awaited<ReturnType<typeof itemFor>>;
