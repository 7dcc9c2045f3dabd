import { describe, expect, it } from "vitest";
import { BURDEN_KINDS, type BurdenKind } from "./burdenKinds";
import { describeChange, explainStanding, mainCauseOfChange, rankStatement, scoreDrivers } from "./explain";

const contributions = (values: Partial<Record<BurdenKind, number>>) =>
  BURDEN_KINDS.map((kind) => ({ kind, contribution: values[kind] ?? 0 }));

describe("rankStatement", () => {
  it("reads rank and range as one statement", () => {
    expect(rankStatement(7, { p5: 6, p95: 14 }, 15)).toBe("第7位，可能在第6–14位之间");
  });
  it("widens the range to contain the rank, never contradicting it", () => {
    expect(rankStatement(7, { p5: 9, p95: 12 }, 15)).toBe("第7位，可能在第7–12位之间");
    expect(rankStatement(13, { p5: 3, p95: 9 }, 15)).toBe("第13位，可能在第3–13位之间");
  });
  it("says a rank is stable when every replicate agrees, and villages are not ranked", () => {
    expect(rankStatement(1, { p5: 1, p95: 1 }, 15)).toBe("第1位，名次稳定");
    expect(rankStatement(null, null, 15)).toBe("不排名次");
    expect(rankStatement(2, null, 15)).toBe("第2位");
  });
});

describe("describeChange", () => {
  it("shows a small base as an absolute change, not +11,433 %", () => {
    expect(describeChange(3.46, 0.03, "次/村")).toEqual({ text: "较上月 +3.43 次/村", direction: "up" });
    expect(describeChange(3, 0, "村次")).toEqual({ text: "较上月 +3 村次", direction: "up" });
    expect(describeChange(5, 2, "村次", 20)).toEqual({ text: "较上月 +3 村次", direction: "up" });
  });
  it("shows a percentage where the base carries one", () => {
    expect(describeChange(110, 100, "村次", 20)).toEqual({ text: "较上月 +10%", direction: "up" });
    expect(describeChange(1.5, 2, "次/村")).toEqual({ text: "较上月 −25%", direction: "down" });
  });
  it("changes percentages in 个百分点 and says when nothing changed", () => {
    expect(describeChange(12.5, 10, "%")).toEqual({ text: "较上月 +2.5 个百分点", direction: "up" });
    expect(describeChange(4, 4, "次/村")).toEqual({ text: "与上月持平", direction: "flat" });
    expect(describeChange(0, 0, "村次")).toEqual({ text: "与上月持平", direction: "flat" });
  });
});

describe("score drivers", () => {
  const peers = [
    contributions({ FORM: 2, SIGNBOARD: 1 }),
    contributions({ FORM: 4, SIGNBOARD: 1 }),
    contributions({ FORM: 6, SIGNBOARD: 9 }),
  ];
  it("names the kinds above the peers' median contribution, largest first", () => {
    const mine = contributions({ FORM: 20, SIGNBOARD: 4, CERTIFICATE: 0.2 });
    expect(scoreDrivers(mine, peers).map((d) => [d.name, d.points])).toEqual([
      ["填报表格", 16],
      ["挂牌", 3],
    ]);
  });
  it("names the kind that moved the score most since last month", () => {
    const cause = mainCauseOfChange(
      contributions({ FORM: 10, SIGNBOARD: 2 }),
      contributions({ FORM: 11, SIGNBOARD: 8 }),
    );
    expect(cause).toMatchObject({ kind: "SIGNBOARD", points: -6 });
  });
  it("never names a falling kind as the cause of a rising score", () => {
    const cause = mainCauseOfChange(
      contributions({ FORM: 30, MECHANISM: 0 }),
      contributions({ FORM: 5, MECHANISM: 11 }),
    );
    expect(cause).toMatchObject({ kind: "FORM", points: 25 });
  });

  it("writes the leader's two sentences", () => {
    const lines = explainStanding({
      score: 30,
      previousScore: 24,
      breakdown: contributions({ FORM: 20, SIGNBOARD: 4 }),
      previousBreakdown: contributions({ FORM: 14, SIGNBOARD: 4 }),
      peers,
    });
    expect(lines).toEqual([
      "与同级中位数相比，抬高得分最多的是填报表格（+16分）、挂牌（+3分）。",
      "得分较上月上升 6 分，主要因为填报表格（+6分）。",
    ]);
  });
});
