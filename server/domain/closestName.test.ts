import { describe, expect, it } from "vitest";
import { closestName, editDistance } from "./closestName";

const DEPARTMENTS = [
  "宽城区卫生健康局",
  "宽城区人力资源和社会保障局",
  "宽城区民政局",
  "朝阳区卫生健康局",
  "长春市公安局",
];

describe("closest name", () => {
  it("counts edits by character, not by UTF-16 unit", () => {
    expect(editDistance("宽城区卫健局", "宽城区卫生健康局")).toBe(2);
    expect(editDistance("𠀀a", "a")).toBe(1);
  });

  it("suggests the full name for an abbreviation and for a typo", () => {
    expect(closestName("宽城区卫健局", DEPARTMENTS)).toBe("宽城区卫生健康局");
    expect(closestName("宽城区人社局", DEPARTMENTS)).toBe("宽城区人力资源和社会保障局");
    expect(closestName("宽城区民证局", DEPARTMENTS)).toBe("宽城区民政局");
    expect(closestName(" 宽城区 民政局 ", DEPARTMENTS)).toBe("宽城区民政局");
  });

  it("suggests nothing for a name that resembles no candidate", () => {
    expect(closestName("南关区教育局", DEPARTMENTS)).toBeNull();
    expect(closestName("", DEPARTMENTS)).toBeNull();
  });
});
