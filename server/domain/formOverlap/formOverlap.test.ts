import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segment } from "../../services/formOverlap/segmenter";
import { FieldDictionary } from "./dictionary";
import { headerFields } from "./headers";
import { clusterKeyOf, proposeMerge } from "./mergeProposal";
import { normaliseFieldName, parseFieldList } from "./normalise";
import {
  clusterForms,
  isSameData,
  itemWeights,
  overlapPairs,
  overlapPairsNaive,
  toItemForm,
  type ItemForm,
} from "./overlap";
import { repeatedEntries } from "./repeatedEntry";
import { FIELD_VARIANTS } from "./testsets/fieldVariants";
import { FORM_PAIRS } from "./testsets/formPairs";

const dictionary = new FieldDictionary(segment);

describe("field lists", () => {
  it("splits on 、，,;；/ and line breaks and drops repeats", () => {
    expect(parseFieldList("姓名、身份证号，电话,住址;户主；人口/面积\n备注\r\n姓名")).toEqual([
      "姓名",
      "身份证号",
      "电话",
      "住址",
      "户主",
      "人口",
      "面积",
      "备注",
    ]);
  });
  it("normalises numbering, markers, brackets and full-width characters", () => {
    expect(normaliseFieldName("1. *户主姓名（必填）")).toBe("户主姓名");
    expect(normaliseFieldName("身份证号码(18位)")).toBe("身份证号码");
    expect(normaliseFieldName("联系 电话")).toBe("联系电话");
  });
});

describe("field dictionary", () => {
  it("maps at least 95 % of 200+ labelled field-name variants", () => {
    expect(FIELD_VARIANTS.length).toBeGreaterThanOrEqual(200);
    const wrong = FIELD_VARIANTS.filter(([variant, expected]) => {
      const m = dictionary.map(variant);
      return (m.status === "MAPPED" ? m.itemKey : null) !== expected;
    });
    const accuracy = 1 - wrong.length / FIELD_VARIANTS.length;
    expect(accuracy, `wrong: ${wrong.map((w) => w[0]).join("、")}`).toBeGreaterThanOrEqual(0.95);
  });
  it("leaves unknown fields unmapped with no guess, and a monitor's mapping wins", () => {
    expect(dictionary.map("垃圾桶数量").status).toBe("UNMAPPED");
    const edited = new FieldDictionary(segment, [
      { fieldName: "垃圾桶数量", itemKey: "HOUSING_USE" },
      { fieldName: "联系电话", itemKey: null },
    ]);
    expect(edited.map("垃圾桶数量")).toMatchObject({ itemKey: "HOUSING_USE", method: "override" });
    expect(edited.map("联系电话")).toMatchObject({ itemKey: null, status: "UNIQUE" });
  });
  it("reads a person word before the head as whose data it is", () => {
    expect(dictionary.map("子女联系电话").itemKey).toBe("GUARDIAN_PHONE");
    expect(dictionary.map("老人身份证号").itemKey).toBe("ID_NUMBER");
  });
  it("ignores row numbers and signatures", () => {
    expect(dictionary.map("序号").status).toBe("STRUCTURAL");
  });
});

function labelledForms(): ItemForm[] {
  return FORM_PAIRS.flatMap((p, i) =>
    [p.a, p.b].map(([title, fields], j) =>
      toItemForm({ key: `${i}-${j}`, title, fields: parseFieldList(fields) }, dictionary),
    ),
  );
}

describe("overlap classification", () => {
  it("reaches 90 % precision and recall on 60+ labelled form pairs", () => {
    expect(FORM_PAIRS.length).toBeGreaterThanOrEqual(60);
    for (const kind of ["renamed", "partial", "unrelated"]) expect(FORM_PAIRS.some((p) => p.kind === kind)).toBe(true);
    const forms = labelledForms();
    const pairs = overlapPairs(forms, itemWeights(forms), 0);
    let tp = 0,
      fp = 0,
      fn = 0;
    FORM_PAIRS.forEach((p, i) => {
      const found = pairs.find((x) => x.a === 2 * i && x.b === 2 * i + 1);
      const predicted = found ? isSameData(found) : false;
      if (predicted && p.same) tp++;
      else if (predicted) fp++;
      else if (p.same) fn++;
    });
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
  });
  it("two forms sharing only 姓名 and 联系电话 are not the same data", () => {
    const forms = [
      toItemForm({ key: "a", title: "A", fields: ["姓名", "联系电话", "值守时段"] }, dictionary),
      toItemForm({ key: "b", title: "B", fields: ["姓名", "联系电话", "入党时间", "所在党支部"] }, dictionary),
      toItemForm({ key: "c", title: "C", fields: ["姓名", "联系电话", "残疾证号"] }, dictionary),
    ];
    const pairs = overlapPairs(forms, itemWeights(forms), 0);
    expect(pairs.length).toBe(3);
    expect(pairs.some(isSameData)).toBe(false);
  });
  it("the indexed computation equals the naive all-pairs one", () => {
    const pool = ["NAME", "ID_NUMBER", "PHONE", "A", "B", "C", "D", "E", "F", "G", "H"];
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.constantFrom(...pool), { maxLength: 8 }), { minLength: 2, maxLength: 25 }),
        (lists) => {
          const forms = lists.map((items, i) => ({ key: String(i), title: String(i), items }));
          const w = itemWeights(forms);
          const norm = (ps: ReturnType<typeof overlapPairs>) =>
            ps.map((p) => `${p.a}-${p.b}:${p.score.toFixed(9)}:${p.sharedSpecific}:${[...p.shared].sort()}`).sort();
          expect(norm(overlapPairs(forms, w, 0.2))).toEqual(norm(overlapPairsNaive(forms, w, 0.2)));
        },
      ),
      { numRuns: 200 },
    );
  });
  it("clusters forms joined by same-data pairs, leaving singletons and weak pairs out", () => {
    const pairs = [
      { a: 0, b: 1, score: 0.9, shared: [], sharedSpecific: 3 },
      { a: 1, b: 2, score: 0.7, shared: [], sharedSpecific: 2 },
      { a: 0, b: 2, score: 0.6, shared: [], sharedSpecific: 2 },
      { a: 3, b: 4, score: 0.4, shared: [], sharedSpecific: 5 },
    ];
    expect(clusterForms(5, pairs)).toEqual([[0, 1, 2]]);
  });
  it("does not chain: groups join only while their mean cross overlap stays high", () => {
    const pair = (a: number, b: number, score: number) => ({ a, b, score, shared: [], sharedSpecific: 3 });
    expect(clusterForms(5, [pair(0, 1, 0.9), pair(1, 2, 0.7), pair(2, 3, 0.9), pair(3, 4, 0.9)])).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(clusterForms(3, [pair(0, 1, 0.9), pair(1, 2, 0.8), pair(0, 2, 0.6)])).toEqual([[0, 1, 2]]);
  });
});

describe("repeated-entry burden", () => {
  const items = new Map([
    ["低保", ["NAME", "ID_NUMBER", "DIBAO_STATUS"]],
    ["医保", ["NAME", "ID_NUMBER", "MEDICAL_INSURANCE"]],
  ]);
  it("counts items already given to another form that year, not the first time nor the same form again", () => {
    const r = repeatedEntries(
      [
        { formKey: "低保", period: 202501 },
        { formKey: "低保", period: 202502 },
        { formKey: "医保", period: 202503 },
        { formKey: "医保", period: 202604 },
      ],
      items,
    );
    expect(r.entries).toBe(12);
    expect(r.repeated).toBe(2); // 医保 in 202503 re-asks 姓名 and 身份证号; 2026 starts afresh
    expect(r.repeatedByForm.get("医保")).toBe(2);
  });
  it("orders by period, not by input order", () => {
    const r = repeatedEntries(
      [
        { formKey: "医保", period: 202503 },
        { formKey: "低保", period: 202501 },
      ],
      items,
    );
    expect(r.repeatedByForm.get("医保")).toBe(2);
    expect(r.repeatedByForm.has("低保")).toBe(false);
  });
});

describe("merge proposal", () => {
  it("takes the union grouped by topic and the member covering most as base", () => {
    const members = [
      {
        key: "x",
        title: "低保台账",
        department: "民政局",
        items: ["NAME", "ID_NUMBER", "DIBAO_STATUS"],
        fillingsPerYear: 12,
      },
      {
        key: "y",
        title: "监测采集表",
        department: "农业农村局",
        items: ["NAME", "ID_NUMBER", "DIBAO_STATUS", "MONITOR_STATUS", "ANNUAL_INCOME"],
        fillingsPerYear: 12,
      },
    ];
    const w = new Map([
      ["NAME", 0.3],
      ["ID_NUMBER", 0.3],
      ["DIBAO_STATUS", 1],
      ["MONITOR_STATUS", 1],
      ["ANNUAL_INCOME", 1],
    ]);
    const p = proposeMerge(members, w);
    expect(p.baseKey).toBe("y");
    expect(p.itemCount).toBe(5);
    expect(p.departments).toEqual(["民政局", "农业农村局"]);
    expect(p.groups.map((g) => g.group)).toEqual(["基本信息", "收入与救助"]);
    expect(p.clusterKey).toBe(clusterKeyOf(["y", "x"]));
  });
});

describe("blank form headers", () => {
  it("skips a merged title row and reads a two-row header with a group cell", () => {
    const row = (...cells: [string, "above" | "left" | ""][]) =>
      cells.map(([text, m]) => ({ text, mergedFromAbove: m === "above", mergedFromLeft: m === "left" }));
    const header = headerFields([
      row(["某村低保台账", ""], ["", "left"], ["", "left"], ["", "left"], ["", "left"]),
      row(["序号", ""], ["户主姓名", ""], ["家庭成员", ""], ["", "left"], ["联系电话", ""]),
      row(["", "above"], ["", "above"], ["姓名", ""], ["与户主关系", ""], ["", "above"]),
    ]);
    expect(header?.fields).toEqual(["序号", "户主姓名", "姓名", "与户主关系", "联系电话"]);
    expect(header?.groups).toEqual([{ title: "家庭成员", fields: ["姓名", "与户主关系"] }]);
  });
});
