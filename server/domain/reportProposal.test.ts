import { describe, expect, it } from "vitest";
import { proposeDepartment, similarity, titleFromReport } from "./reportProposal";

const departments = [
  { id: "1", name: "宽城区卫生健康局" },
  { id: "2", name: "宽城区民政局" },
  { id: "3", name: "宽城区应急管理局" },
  { id: "4", name: "宽城区委组织部" },
  { id: "5", name: "宽城区人力资源和社会保障局" },
];

describe("proposeDepartment", () => {
  it("reads villagers' short forms as the registered department", () => {
    expect(proposeDepartment("县卫健局", departments)?.name).toBe("宽城区卫生健康局");
    expect(proposeDepartment("区应急局", departments)?.name).toBe("宽城区应急管理局");
    expect(proposeDepartment("组织部", departments)?.name).toBe("宽城区委组织部");
    expect(proposeDepartment("人社局", departments)?.name).toBe("宽城区人力资源和社会保障局");
    expect(proposeDepartment("宽城区民政局", departments)?.name).toBe("宽城区民政局");
  });
  it("proposes nothing when no department is close", () => {
    expect(proposeDepartment("县公安局", departments)).toBeNull();
    expect(proposeDepartment("", departments)).toBeNull();
  });
  it("measures similarity between 0 and 1", () => {
    expect(similarity("卫生健康局", "卫生健康局")).toBe(1);
    expect(similarity("公安局", "民政局")).toBeLessThan(0.6);
  });
});

describe("titleFromReport", () => {
  it("takes the first sentence", () => {
    expect(titleFromReport("要求每周填报村医巡诊表。还要拍照上传！")).toBe("要求每周填报村医巡诊表");
    expect(titleFromReport("  只有一句话  ")).toBe("只有一句话");
    expect(titleFromReport("很".repeat(80), 10)).toBe(`${"很".repeat(9)}…`);
  });
});
