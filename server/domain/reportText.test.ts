import { describe, expect, it } from "vitest";
import { changePhrase, issuingUnits, median, overallParagraphs, suggestions, wholeRegionWord } from "./reportText";

describe("report sentences", () => {
  it("states the month-on-month change in words", () => {
    expect(changePhrase(712, 776)).toBe("较上月下降 8.2%");
    expect(changePhrase(110, 100)).toBe("较上月上升 10.0%");
    expect(changePhrase(100, 100)).toBe("与上月持平");
    expect(changePhrase(5, 0)).toBe("上月无记录");
  });

  it("speaks of the whole region by its kind", () => {
    expect(wholeRegionWord(2, "长春市")).toBe("全市");
    expect(wholeRegionWord(3, "宽城区")).toBe("全区");
    expect(wholeRegionWord(3, "农安县")).toBe("全县");
    expect(wholeRegionWord(3, "榆树市")).toBe("全市");
    expect(wholeRegionWord(1, "吉林省")).toBe("全省");
    expect(issuingUnits(2, "长春市")).toBe("长春市民政局　中共长春市委组织部");
  });

  it("opens with the records of the month and their change", () => {
    const [first, second, third] = overallParagraphs({
      level: 2,
      regionName: "长春市",
      period: 202611,
      records: 712,
      previousRecords: 776,
      violationRecords: 300,
      violationRate: 0.42,
      previousViolationRate: 0.4,
      hoursPerVillage: 12.5,
      previousHoursPerVillage: 12.5,
      villages: 2798,
      topKinds: [
        { name: "证明事项", records: 293 },
        { name: "填报表格", records: 0 },
      ],
    });
    expect(first).toBe(
      "2026年11月，全市共记录基层负担事项 712 项，较上月下降 8.2%；其中判定违规 300 项，违规村次占比 42.0%（上月 40.0%）。",
    );
    expect(second).toContain("2798 个村（社区）村均负担工时 12.5 小时，与上月持平");
    expect(third).toBe("从类别看，记录较多的是证明事项（293 项）。");
  });

  it("suggests from the data and says so when nothing stands out", () => {
    const base = {
      regionWord: "全区",
      departmentsAbovePeers: [],
      worstChildren: [],
      risingKinds: [],
      violationClauses: [],
      unacknowledgedAlerts: 0,
      overdueCases: 0,
      formMerges: null,
    };
    expect(suggestions(base)).toEqual(["全区本月未发现突出问题，建议继续保持村级组织减负监测，按月报送。"]);
    const out = suggestions({
      ...base,
      departmentsAbovePeers: [{ name: "县卫健局", hours: 30, median: 10, violationUnits: 4 }],
      unacknowledgedAlerts: 2,
      formMerges: [
        {
          county: "宽城区",
          forms: ["低保台账", "救助台账"],
          baseTitle: "低保台账",
          departments: ["区民政局", "区医保局"],
          savedEntries: 1384,
          savedHours: 23.07,
        },
      ],
    });
    expect(out[0]).toBe(
      "县卫健局本月向村级下达事项折合 30 小时，为各部门中位数（10 小时）的 3 倍，其中违规 4 村次，建议约谈提醒并压减其填报和留痕要求。",
    );
    expect(out).toContain("尚有 2 条告警未签收，请督查人员及时签收处置。");
    expect(out.at(-1)).toBe(
      "宽城区“低保台账”“救助台账”等 2 张表格数据项重合，涉及区民政局、区医保局，" +
        "建议以“低保台账”为基础合并为一张表（一表通），每年可减少重复填写 1384 个字段、约 23.1 小时。",
    );
  });

  it("median", () => {
    expect(median([])).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
