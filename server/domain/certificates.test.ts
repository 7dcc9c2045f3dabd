import { describe, expect, it } from "vitest";
import { matchCertificate, normaliseCertificateName } from "./certificates";

const LIST = [
  { no: 5, name: "无犯罪记录证明", source: "民发〔2020〕20号清单" },
  { no: 8, name: "婚姻状况证明", source: "民发〔2020〕20号清单" },
  { no: 6, name: "社区戒毒社区康复人员情况证明(表现证明)", source: "民发〔2020〕20号清单" },
];

describe("certificate matching", () => {
  it("normalises spacing, punctuation and filler words", () => {
    expect(normaliseCertificateName(" 开个 单身证明。")).toBe("单身证明");
  });

  it("matches the list wording exactly", () => {
    expect(matchCertificate("无犯罪记录证明", LIST)).toMatchObject({ item: { no: 5 }, via: "exact" });
  });

  it("matches colloquial synonyms and says which item", () => {
    expect(matchCertificate("无犯罪证明", LIST)?.item.name).toBe("无犯罪记录证明");
    expect(matchCertificate("开个单身证明", LIST)?.item.name).toBe("婚姻状况证明");
    expect(matchCertificate("开个单身证明", LIST)?.via).toBe("synonym");
  });

  it("does not guess: unknown names stay unmatched", () => {
    expect(matchCertificate("宅基地使用情况证明", LIST)).toBeNull();
    expect(matchCertificate("", LIST)).toBeNull();
  });
});
