import { describe, expect, it } from "vitest";
import { reportRoomsFor, reportRoomsForEvent } from "./reportRooms";

describe("report rooms", () => {
  it("admit only the roles that may read direct reports", () => {
    expect(reportRoomsFor({ role: "monitor", regionCode: "220103" })).toEqual(["reports:220103"]);
    expect(reportRoomsFor({ role: "admin", regionCode: "22" })).toEqual(["reports:22"]);
    // A department must never learn it was reported; leaders and inspectors do not handle reports.
    for (const role of ["department", "county_leader", "inspector"] as const)
      expect(reportRoomsFor({ role, regionCode: "220103" })).toEqual([]);
  });
  it("carry a village's report to the readers of its county, city and province", () => {
    expect(reportRoomsForEvent("220103100201")).toEqual([
      "reports:22",
      "reports:2201",
      "reports:220103",
      "reports:220103100",
      "reports:220103100201",
    ]);
  });
});
