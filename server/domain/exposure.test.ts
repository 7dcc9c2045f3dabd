import { describe, expect, it } from "vitest";
import { visibleExposureStates } from "./exposure";

describe("which exposure states a role may list", () => {
  it("lets monitors and admins see every state, an empty filter meaning all", () => {
    expect(visibleExposureStates("monitor", ["DRAFT"])).toEqual(["DRAFT"]);
    expect(visibleExposureStates("admin", [])).toBeUndefined();
    expect(visibleExposureStates("monitor")).toBeUndefined();
  });

  it("narrows everyone else to the bulletin, so asking for drafts yields nothing rather than everything", () => {
    expect(visibleExposureStates("inspector")).toEqual(["PUBLISHED", "RECTIFIED"]);
    expect(visibleExposureStates("county_leader", ["DRAFT", "PENDING_APPROVAL"])).toEqual([]);
    expect(visibleExposureStates("department", [])).toEqual([]);
    expect(visibleExposureStates("inspector", ["DRAFT", "RECTIFIED"])).toEqual(["RECTIFIED"]);
  });
});
