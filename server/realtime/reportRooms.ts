// Direct reports reach only the roles that may read them (directReport.list in
// server/api/permissions.ts): a department must never learn that it was reported.
import { allows, PROCEDURE_ACCESS } from "../api/permissions";
import type { Role } from "../domain/roles";
import { ancestorCodesOf } from "../domain/regions";

export function reportRoom(regionCode: string): string {
  return `reports:${regionCode}`;
}

/** The report room a user's sockets join, or none for roles that may not read reports. */
export function reportRoomsFor(user: { role: Role; regionCode: string }): string[] {
  return allows(PROCEDURE_ACCESS["directReport.list"], user.role) ? [reportRoom(user.regionCode)] : [];
}

/** Report rooms that hear of a report filed in `regionCode`: its own and every ancestor's. */
export function reportRoomsForEvent(regionCode: string): string[] {
  return [...ancestorCodesOf(regionCode), regionCode].map(reportRoom);
}
