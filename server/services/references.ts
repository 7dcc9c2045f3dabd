// Ids a caller names in a write (an alert, a record, a department) must lie in the
// caller's jurisdiction: a county user must not attach another county's data.
import type { SessionUser } from "../auth";
import type { Db } from "../db/client";
import { isWithin } from "../domain/regions";
import { UserInputError } from "./errors";

/** A region the user may refer to: inside their jurisdiction, or above it (a city-level demand reaches the county). */
export const reachableFrom = (userRegion: string, region: string) =>
  isWithin(region, userRegion) || isWithin(userRegion, region);

export async function assertReferencesInJurisdiction(
  db: Db,
  user: SessionUser,
  refs: { alertId?: string | null; recordId?: string | null; departmentId?: string | null },
) {
  if (refs.alertId) {
    const alert = await db.alert.findUnique({ where: { id: refs.alertId }, select: { regionCode: true } });
    if (!alert || !isWithin(alert.regionCode, user.regionCode))
      throw new UserInputError("关联的预警不存在或不在您的管辖范围内");
  }
  if (refs.recordId) {
    const record = await db.burdenRecord.findUnique({
      where: { id: refs.recordId },
      select: { scopeRegionCode: true },
    });
    if (!record || !reachableFrom(user.regionCode, record.scopeRegionCode))
      throw new UserInputError("关联的负担记录不存在或不在您的管辖范围内");
  }
  if (refs.departmentId) {
    const department = await db.department.findUnique({
      where: { id: refs.departmentId },
      select: { regionCode: true },
    });
    if (!department || !reachableFrom(user.regionCode, department.regionCode))
      throw new UserInputError("部门不存在或不属于您的管辖范围");
  }
}

/** The ids among `ids` of alerts inside `regionCode`. */
export async function alertIdsWithin(db: Db, regionCode: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db.alert.findMany({ where: { id: { in: ids } }, select: { id: true, regionCode: true } });
  return found.filter((a) => isWithin(a.regionCode, regionCode)).map((a) => a.id);
}
