import { describe, expect, it } from "vitest";
import { initialsOf, searchEntries, toEntry } from "./regionSearch";

const entries = [
  { code: "220103", name: "宽城区", level: 3 },
  { code: "220103100", name: "兰家镇", level: 4 },
  { code: "220103100201", name: "上台子村委会", level: 5 },
  { code: "220112102", name: "合隆镇", level: 4 },
  { code: "220112102203", name: "上台子村委会", level: 5 },
  { code: "220103100202", name: "台子屯村委会", level: 5 },
].map(toEntry);

describe("region search", () => {
  it("computes pinyin initials, 长 read as cháng in 长春", () => {
    expect(initialsOf("上台子村委会")).toBe("stzcwh");
    expect(initialsOf("长春市")).toBe("ccs");
  });
  it("finds every village of that name, and by initials", () => {
    expect(searchEntries(entries, "上台子").map((e) => e.code)).toEqual(["220103100201", "220112102203"]);
    expect(searchEntries(entries, "STZ").map((e) => e.code)).toEqual(["220103100201", "220112102203"]);
    expect(searchEntries(entries, "tzt").map((e) => e.name)).toEqual(["台子屯村委会"]);
  });
  it("ranks a name match above a match in the middle of a name, and ignores empty queries", () => {
    expect(searchEntries(entries, "台子").map((e) => e.name)).toEqual(["台子屯村委会", "上台子村委会", "上台子村委会"]);
    expect(searchEntries(entries, "  ")).toEqual([]);
  });
});
