import { describe, expect, it } from "vitest";
import {
  ancestorCodesOf,
  classifyVillageUnit,
  codesByParent,
  isWithin,
  levelOfCode,
  parentCodeOf,
  subtreeRange,
  villagesUnder,
} from "./regions";

describe("region codes", () => {
  it("reads the level from the code length", () => {
    expect(["22", "2201", "220103", "220103002", "220103002001"].map(levelOfCode)).toEqual([1, 2, 3, 4, 5]);
    expect(levelOfCode("2201030")).toBeNull();
    expect(levelOfCode("22a1")).toBeNull();
  });

  it("walks up the hierarchy", () => {
    expect(parentCodeOf("220103002001")).toBe("220103002");
    expect(parentCodeOf("22")).toBeNull();
    expect(ancestorCodesOf("220103002")).toEqual(["22", "2201", "220103"]);
  });

  it("bounds a subtree by a code range that excludes siblings", () => {
    const range = subtreeRange("220103");
    const inside = (code: string) => code >= range.gte && code < range.lt;
    expect(inside("220103")).toBe(true);
    expect(inside("220103999999")).toBe(true);
    expect(inside("220104")).toBe(false);
    expect(inside("220102999999")).toBe(false);
    expect(subtreeRange("2299")).toEqual({ gte: "2299", lt: "23" });
    expect(subtreeRange("220109").lt).toBe("22011");
    const nines = subtreeRange("99");
    expect("99123" >= nines.gte && "99123" < nines.lt).toBe(true);
  });

  it("checks jurisdiction by prefix", () => {
    expect(isWithin("220103002001", "220103")).toBe(true);
    expect(isWithin("220104", "220103")).toBe(false);
    expect(isWithin("2201", "220103")).toBe(false);
  });

  it("tells 村 from 社区", () => {
    expect(classifyVillageUnit("多福巷社区居委会")).toBe("COMMUNITY");
    expect(classifyVillageUnit("红旗村民委员会")).toBe("VILLAGE");
    expect(classifyVillageUnit("前进村委会")).toBe("VILLAGE");
    expect(classifyVillageUnit("东风居民委员会")).toBe("COMMUNITY");
    expect(classifyVillageUnit("新立村")).toBe("VILLAGE");
  });
});

describe("villagesUnder and codesByParent", () => {
  it("counts a village as one and a larger region as its villages and communities", () => {
    expect(villagesUnder({ level: 5, villageCount: 0, communityCount: 0 })).toBe(1);
    expect(villagesUnder({ level: 3, villageCount: 120, communityCount: 35 })).toBe(155);
  });

  it("groups codes by parent, keeping the order they came in", () => {
    const groups = codesByParent([
      { code: "220103", parentCode: "2201" },
      { code: "220203", parentCode: "2202" },
      { code: "220104", parentCode: "2201" },
      { code: "22", parentCode: null },
    ]);
    expect(groups).toEqual([["220103", "220104"], ["220203"], ["22"]]);
  });
});
