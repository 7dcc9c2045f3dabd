import { describe, expect, it } from "vitest";
import nationalList from "../../../prisma/data/certificate-negative-list-2020.json";
import { matchCertificate } from "../certificates";
import { matchName } from "./match";
import { MATCHING_SET, SET_ITEMS, type MatchingCase, type SetCatalogue } from "./matchingSet";
import { forbiddenResponsibilities } from "./tasks";

const negativeList = nationalList.items.map((i) => ({ ...i, source: "民发〔2020〕20号清单" }));

function predict(testCase: MatchingCase): string | null {
  switch (testCase.catalogue) {
    case "CERTIFICATE":
      return matchCertificate(testCase.text, negativeList)?.item.name ?? null;
    case "TASK":
      return forbiddenResponsibilities(testCase.text)[0]?.area ?? null;
    default: {
      const match = matchName(testCase.text, testCase.catalogue, SET_ITEMS[testCase.catalogue], {
        places: testCase.places,
      });
      return match.status === "MATCH" ? match.item : null;
    }
  }
}

function scoreSet(cases: readonly MatchingCase[]) {
  const byCatalogue = new Map<
    SetCatalogue,
    { cases: number; predicted: number; expected: number; correct: number; wrong: string[] }
  >();
  for (const testCase of cases) {
    const row = byCatalogue.get(testCase.catalogue) ?? { cases: 0, predicted: 0, expected: 0, correct: 0, wrong: [] };
    byCatalogue.set(testCase.catalogue, row);
    const got = predict(testCase);
    row.cases += 1;
    if (got !== null) row.predicted += 1;
    if (testCase.expect !== null) row.expected += 1;
    if (got !== null && got === testCase.expect) row.correct += 1;
    if (got !== testCase.expect) row.wrong.push(`${testCase.text} → ${got ?? "无"}（应为 ${testCase.expect ?? "无"}）`);
  }
  return [...byCatalogue].map(([catalogue, r]) => ({
    catalogue,
    ...r,
    precision: r.predicted ? r.correct / r.predicted : 1,
    recall: r.expected ? r.correct / r.expected : 1,
  }));
}

describe("matching test set", () => {
  it("has at least 150 cases with near-misses in every catalogue", () => {
    expect(MATCHING_SET.length).toBeGreaterThanOrEqual(150);
    for (const catalogue of new Set(MATCHING_SET.map((c) => c.catalogue)))
      expect(MATCHING_SET.filter((c) => c.catalogue === catalogue && c.expect === null).length).toBeGreaterThanOrEqual(
        5,
      );
  });

  it("reaches 95 % precision and 90 % recall in every catalogue", () => {
    const rows = scoreSet(MATCHING_SET);
    console.table(
      rows.map(({ wrong: _wrong, ...r }) => ({ ...r, precision: r.precision.toFixed(3), recall: r.recall.toFixed(3) })),
    );
    for (const row of rows) {
      expect
        .soft(row.precision, `${row.catalogue} precision; misses: ${row.wrong.join("; ")}`)
        .toBeGreaterThanOrEqual(0.95);
      expect.soft(row.recall, `${row.catalogue} recall; misses: ${row.wrong.join("; ")}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("fails a matcher that compares names exactly (the old rule)", () => {
    const exact = MATCHING_SET.filter(
      (c) => c.catalogue !== "CERTIFICATE" && c.catalogue !== "TASK" && c.expect !== null,
    );
    const found = exact.filter((c) => SET_ITEMS[c.catalogue as keyof typeof SET_ITEMS].includes(c.text.trim()));
    expect(found.length / exact.length).toBeLessThan(0.9);
  });
});
