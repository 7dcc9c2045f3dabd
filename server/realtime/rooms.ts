import { createHash } from "node:crypto";
import { ancestorCodesOf } from "../domain/regions";

export function regionRoom(regionCode: string): string {
  return `region:${regionCode}`;
}

/**
 * Rooms that should hear about something in `regionCode`: its own and every
 * ancestor's. A socket sits in its user's jurisdiction room only, so it hears
 * exactly the events inside that jurisdiction.
 */
export function roomsForRegionEvent(regionCode: string): string[] {
  return [...ancestorCodesOf(regionCode), regionCode].map(regionRoom);
}

/** A session's sockets, on whichever instance; named by a hash so the token never travels through Redis. */
export function sessionRoom(sessionToken: string): string {
  return `session:${createHash("sha256").update(sessionToken).digest("base64url").slice(0, 22)}`;
}

/** A department's own sockets: rectification items go here rather than to the whole county. */
export function departmentRoom(departmentId: string): string {
  return `department:${departmentId}`;
}

/** Every department account's sockets, so region-wide pushes can leave them out. */
export const DEPARTMENT_ACCOUNTS_ROOM = "role:department";
