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
