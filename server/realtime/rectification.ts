import { getRealtime } from "./server";
import { DEPARTMENT_ACCOUNTS_ROOM, departmentRoom, roomsForRegionEvent } from "./rooms";

export interface RectificationEventMessage {
  type: string;
  itemId: string;
  state: string;
  regionCode: string;
  departmentId: string;
  title: string;
  escalatedTo?: string;
}

/**
 * Monitors of the region and above hear every step; of the departments, only
 * the responsible one does (department accounts share the county room, so they
 * are left out of the region push and reached through their own room).
 */
export function publishRectificationEvent(event: RectificationEventMessage, regionCode = event.regionCode): void {
  const io = getRealtime();
  if (!io) return;
  io.to(roomsForRegionEvent(regionCode)).except(DEPARTMENT_ACCOUNTS_ROOM).emit("rectification:changed", event);
  io.to(departmentRoom(event.departmentId)).emit("rectification:changed", event);
}
