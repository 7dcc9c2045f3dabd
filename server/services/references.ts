// Ids a caller names in a write (an alert, a record, a department) must lie in the
// caller's jurisdiction: a county user must not attach another county's data.
import type { SessionUser } from "../domain/actor";
import { findAlert, findAlertRegions } from "../db/alertRepository";
import { findRecord } from "../db/burdenRepository";
import type { Db } from "../db/client";
import { findDepartmentById } from "../db/departmentRepository";
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
    const alert = await findAlert(db, refs.alertId);
    if (!alert || !isWithin(alert.regionCode, user.regionCode))
      throw new UserInputError("关联的预警不存在或不在您的管辖范围内");
  }
  if (refs.recordId) {
    const record = await findRecord(db, refs.recordId);
    if (!record || !reachableFrom(user.regionCode, record.scopeRegionCode))
      throw new UserInputError("关联的负担记录不存在或不在您的管辖范围内");
  }
  if (refs.departmentId) {
    const department = await findDepartmentById(db, refs.departmentId);
    if (!department || !reachableFrom(user.regionCode, department.regionCode))
      throw new UserInputError("部门不存在或不属于您的管辖范围");
  }
}

/** The ids among `ids` of alerts inside `regionCode`. */
export async function alertIdsWithin(db: Db, regionCode: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await findAlertRegions(db, ids);
  return found.filter((a) => isWithin(a.regionCode, regionCode)).map((a) => a.id);
}
