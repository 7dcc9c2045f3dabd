// Direct reports reach only the roles that may read them (directReport.list in
// server/api/permissions.ts): a department must never learn that it was reported.
import { accessAllows } from "../api/allowedProcedures";
import { PROCEDURE_ACCESS } from "../api/permissions";
import type { Role } from "../domain/roles";
import { ancestorCodesOf } from "../domain/regions";
import { getRealtime } from "./server";

export function reportRoom(regionCode: string): string {
  return `reports:${regionCode}`;
}

/** The report room a user's sockets join, or none for roles that may not read reports. */
export function reportRoomsFor(user: { role: Role; regionCode: string }): string[] {
  return accessAllows(PROCEDURE_ACCESS["directReport.list"], user.role) ? [reportRoom(user.regionCode)] : [];
}

/** Tells the report readers of `regionCode` and above that a report arrived; no content travels. */
export function publishNewReport(regionCode: string, payload: { id: string; regionCode: string }): void {
  getRealtime()?.to([...ancestorCodesOf(regionCode), regionCode].map(reportRoom)).emit("directReports:new", payload);
}
